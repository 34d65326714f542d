<#import "template.ftl" as layout>
<#-- Forgotten password, the end (issue #17): recovery signs no one in; the citizen signs in with the new password. -->
<@layout.registrationLayout displayMessage=false; section>
<!-- template: vneid-recovery-done.ftl -->
    <#if section = "header">
        ${msg("vneidRecoveryDoneTitle")}
    <#elseif section = "form">
        <div id="vneid-recovery-done" class="vneid-notice">
            <p>${msg("vneidRecoveryDoneMessage")}</p>
        </div>
        <div class="${properties.kcFormGroupClass!}">
            <a id="vneid-recovery-sign-in" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
               href="${url.loginRestartFlowUrl}">${msg("vneidRecoverySignIn")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
