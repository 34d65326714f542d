<#import "template.ftl" as layout>
<#-- Activation, the end (issue #15): activation signs no one in; the citizen signs in with the new password. -->
<@layout.registrationLayout displayMessage=false; section>
<!-- template: vneid-activation-done.ftl -->
    <#if section = "header">
        ${msg("vneidActivationDoneTitle")}
    <#elseif section = "form">
        <div id="vneid-activation-done" class="vneid-notice">
            <p>${msg("vneidActivationDoneMessage")}</p>
        </div>
        <div class="${properties.kcFormGroupClass!}">
            <a id="vneid-activation-sign-in" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
               href="${url.loginRestartFlowUrl}">${msg("vneidRecoverySignIn")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
