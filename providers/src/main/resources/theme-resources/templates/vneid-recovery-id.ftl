<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- Forgotten password, step 1 (issue #17). Rendered by vn.vneid.sso.recovery.RecoveryNationalIdAuthenticator. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username'); section>
<!-- template: vneid-recovery-id.ftl -->
    <#if section = "header">
        ${msg("vneidRecoveryTitle")}
    <#elseif section = "form">
        <p id="vneid-recovery-instruction" class="vneid-instruction">${msg("vneidRecoveryInstruction")}</p>
        <form id="vneid-recovery-id-form" class="${properties.kcFormClass!}" onsubmit="submitId.disabled = true; return true;"
              action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.input name="username" label=msg("vneidNationalId") value=(nationalId!'') autocomplete="username" autofocus=true />
            <@buttons.actionGroup>
                <@buttons.button id="vneid-recovery-submit" name="submitId" label="vneidRecoveryContinue" />
            </@buttons.actionGroup>
        </form>
        <div class="${properties.kcFormGroupClass!}">
            <a id="vneid-back-to-login" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
               href="${url.loginRestartFlowUrl}">${msg("vneidBackToLogin")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
