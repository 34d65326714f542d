<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#-- Shown instead of the SMS code step when the account has no usable phone: a way forward, not an error. -->
<@layout.registrationLayout displayMessage=true; section>
<!-- template: vneid-no-phone.ftl -->
    <#if section = "header">
        ${msg("vneidNoPhoneTitle")}
    <#elseif section = "form">
        <div id="vneid-no-phone" class="vneid-notice">
            <p>${msg("vneidNoPhoneMessage")}</p>
            <ol>
                <li>${msg("vneidNoPhoneStepApp")}</li>
                <li>${msg("vneidNoPhoneStepPolice")}</li>
                <li>${msg("vneidNoPhoneStepHelp")}</li>
            </ol>
        </div>
        <form id="vneid-no-phone-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup>
                <@buttons.button id="vneid-bind-phone" name="bindPhone" label="vneidPhoneBindNow" />
            </@buttons.actionGroup>
        </form>
        <div class="${properties.kcFormGroupClass!}">
            <a id="vneid-back-to-login" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
               href="${url.loginRestartFlowUrl}">${msg("vneidBackToLogin")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
