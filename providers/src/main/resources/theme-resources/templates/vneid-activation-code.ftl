<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- Activation, step 1 (issue #15): national ID, phone and activation code. Rendered by
     vn.vneid.sso.activation.ActivationCodeAuthenticator. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','phone','code'); section>
<!-- template: vneid-activation-code.ftl -->
    <#if section = "header">
        ${msg("vneidActivationTitle")}
    <#elseif section = "form">
        <p id="vneid-activation-instruction" class="vneid-instruction">${msg("vneidActivationInstruction")}</p>
        <form id="vneid-activation-code-form" class="${properties.kcFormClass!}" onsubmit="submitCode.disabled = true; return true;"
              action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.input name="username" label=msg("vneidNationalId") value=(nationalId!'') autocomplete="username" autofocus=true />
            <@field.input name="phone" label=msg("vneidActivationPhone") value=(phone!'') autocomplete="tel" />
            <@field.input name="code" label=msg("vneidActivationCode") autocomplete="one-time-code" />
            <@buttons.actionGroup>
                <@buttons.button id="vneid-activation-submit" name="submitCode" label="vneidActivationContinue" />
            </@buttons.actionGroup>
        </form>
        <p id="vneid-activation-no-code" class="vneid-hint">${msg("vneidActivationNoCode")}</p>
        <div class="${properties.kcFormGroupClass!}">
            <a id="vneid-back-to-login" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
               href="${url.loginRestartFlowUrl}">${msg("vneidBackToLogin")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
