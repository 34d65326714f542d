<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- Level-1 login, step 2. Rendered by vn.vneid.sso.login.SmsCodeAuthenticator; uses the keycloak.v2 macros. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('code'); section>
<!-- template: vneid-sms-code.ftl -->
    <#if section = "header">
        ${msg("vneidSmsCodeTitle")}
    <#elseif section = "form">
        <p id="vneid-sms-sent-to" class="vneid-instruction">
            <#if codeSent>${msg("vneidSmsCodeSentTo", maskedPhone, ttlMinutes)}<#else>${msg("vneidSmsCodeNotSentYet", maskedPhone)}</#if>
        </p>
        <form id="vneid-sms-code-form" class="${properties.kcFormClass!}" onsubmit="submitCode.disabled = true; return true;"
              action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.input name="code" label=msg("vneidSmsCodeLabel") autocomplete="one-time-code" autofocus=true />
            <@buttons.actionGroup>
                <@buttons.button id="vneid-sms-submit" name="submitCode" label="vneidSmsCodeSubmit" />
            </@buttons.actionGroup>
        </form>
        <form id="vneid-sms-resend-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup>
                <#if resendsLeft == 0>
                    <@buttons.button id="vneid-sms-resend" name="resend" label="vneidSmsResend" type="secondary" disabled="disabled" />
                <#else>
                    <@buttons.button id="vneid-sms-resend" name="resend" label="vneidSmsResend" type="secondary" />
                </#if>
            </@buttons.actionGroup>
            <#-- js/vneid.js turns the wait into a countdown and keeps the button disabled until it ends (issue #16);
                 without script the button stays usable and the server answers an early resend with the wait. -->
            <p id="vneid-sms-resend-info" class="vneid-hint"<#if resendsLeft gt 0 && resendWaitSeconds gt 0> data-vneid-resend-button="vneid-sms-resend" data-vneid-resend-wait="${resendWaitSeconds?c}" data-vneid-resend-wait-text="${msg("vneidSmsResendWait", "{0}", resendsLeft)}" data-vneid-resend-ready-text="${msg("vneidSmsResendAvailable", resendsLeft)}" data-vneid-resend-announce="vneid-sms-resend-ready"</#if>>
                <#if resendsLeft == 0>${msg("vneidSmsNoResendLeft")}<#elseif resendWaitSeconds gt 0>${msg("vneidSmsResendWait", resendWaitSeconds, resendsLeft)}<#else>${msg("vneidSmsResendAvailable", resendsLeft)}</#if>
            </p>
            <span id="vneid-sms-resend-ready" class="vneid-sr-only" aria-live="polite"></span>
        </form>
    </#if>
</@layout.registrationLayout>
