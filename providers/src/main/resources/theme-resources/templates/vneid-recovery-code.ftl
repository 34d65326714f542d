<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- Forgotten password, step 2 (issue #17). The same page for every national ID, with or without an account or a
     verified phone: it never shows a phone number or says whether a code was sent. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('code'); section>
<!-- template: vneid-recovery-code.ftl -->
    <#if section = "header">
        ${msg("vneidRecoveryCodeTitle")}
    <#elseif section = "form">
        <p id="vneid-recovery-code-info" class="vneid-instruction">${msg("vneidRecoveryCodeSent", codeLength, ttlMinutes)}</p>
        <div id="vneid-recovery-no-code" class="vneid-notice">
            <p>${msg("vneidRecoveryNoCode")}</p>
            <ol>
                <li>${msg("vneidRecoveryNoCodeApp")}</li>
                <li>${msg("vneidRecoveryNoCodePolice")}</li>
            </ol>
        </div>
        <form id="vneid-recovery-code-form" class="${properties.kcFormClass!}" onsubmit="submitCode.disabled = true; return true;"
              action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.input name="code" label=msg("vneidSmsCodeLabel") autocomplete="one-time-code" autofocus=true />
            <@buttons.actionGroup>
                <@buttons.button id="vneid-recovery-code-submit" name="submitCode" label="vneidSmsCodeSubmit" />
            </@buttons.actionGroup>
        </form>
        <form id="vneid-recovery-resend-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup>
                <@buttons.button id="vneid-recovery-resend" name="resend" label="vneidSmsResend" type="secondary" />
            </@buttons.actionGroup>
            <p id="vneid-recovery-resend-info" class="vneid-hint">
                <#if resendsLeft == 0>${msg("vneidRecoveryNoResendLeft")}<#elseif resendWaitSeconds gt 0>${msg("vneidSmsResendWait", resendWaitSeconds, resendsLeft)}<#else>${msg("vneidSmsResendAvailable", resendsLeft)}</#if>
            </p>
        </form>
        <div class="${properties.kcFormGroupClass!}">
            <a id="vneid-back-to-login" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
               href="${url.loginRestartFlowUrl}">${msg("vneidBackToLogin")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
