<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- Level-1 registration, step 2 (issue #15): the code sent to the phone registered to the citizen. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('code'); section>
<!-- template: vneid-register-code.ftl -->
    <#if section = "header">
        ${msg("vneidRegisterCodeTitle")}
    <#elseif section = "form">
        <p id="vneid-register-code-info" class="vneid-instruction">${msg("vneidRegisterCodeSent", maskedPhone, codeLength, ttlMinutes)}</p>
        <form id="vneid-register-code-form" class="${properties.kcFormClass!}" onsubmit="submitCode.disabled = true; return true;"
              action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.input name="code" label=msg("vneidSmsCodeLabel") autocomplete="one-time-code" autofocus=true />
            <@buttons.actionGroup>
                <@buttons.button id="vneid-register-code-submit" name="submitCode" label="vneidSmsCodeSubmit" />
            </@buttons.actionGroup>
        </form>
        <form id="vneid-register-resend-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup>
                <@buttons.button id="vneid-register-resend" name="resend" label="vneidSmsResend" type="secondary" />
            </@buttons.actionGroup>
            <p id="vneid-register-resend-info" class="vneid-hint">
                <#if resendsLeft == 0>${msg("vneidRegisterNoResendLeft")}<#elseif resendWaitSeconds gt 0>${msg("vneidSmsResendWait", resendWaitSeconds, resendsLeft)}<#else>${msg("vneidSmsResendAvailable", resendsLeft)}</#if>
            </p>
        </form>
        <div class="${properties.kcFormGroupClass!}">
            <a id="vneid-back-to-login" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
               href="${url.loginRestartFlowUrl}">${msg("vneidBackToLogin")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
