<#import "template.ftl" as layout>
<#-- Level-1 registration, the end (issue #15): registration signs no one in; the citizen signs in at level 1. -->
<@layout.registrationLayout displayMessage=false; section>
<!-- template: vneid-register-done.ftl -->
    <#if section = "header">
        ${msg("vneidRegisterDoneTitle")}
    <#elseif section = "form">
        <div id="vneid-register-done" class="vneid-notice">
            <p>${msg("vneidRegisterDoneMessage")}</p>
        </div>
        <div class="${properties.kcFormGroupClass!}">
            <a id="vneid-register-sign-in" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
               href="${url.loginRestartFlowUrl}">${msg("vneidRegisterSignIn")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
