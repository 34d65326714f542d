<#import "template.ftl" as layout>
<#-- Level-1 registration (issue #15): the number already has an account. Told only after the phone's code was right,
     and nothing about the account is shown: only where to go. -->
<@layout.registrationLayout displayMessage=false; section>
<!-- template: vneid-register-exists.ftl -->
    <#if section = "header">
        ${msg("vneidRegisterExistsTitle")}
    <#elseif section = "form">
        <div id="vneid-register-exists" class="vneid-notice">
            <p>${msg("vneidRegisterExistsMessage")}</p>
        </div>
        <div class="${properties.kcFormGroupClass!}">
            <a id="vneid-register-sign-in" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
               href="${url.loginRestartFlowUrl}">${msg("vneidRegisterSignIn")}</a>
        </div>
        <div class="${properties.kcFormGroupClass!}">
            <a id="vneid-register-forgot" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
               href="${url.loginResetCredentialsUrl}">${msg("vneidRegisterExistsForgot")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
