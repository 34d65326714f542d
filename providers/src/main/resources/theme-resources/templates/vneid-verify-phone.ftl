<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- Binding a mobile number registered to the citizen. Rendered by vn.vneid.sso.phone.VerifyPhoneRequiredAction. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('number','code'); section>
<!-- template: vneid-verify-phone.ftl -->
    <#if section = "header">
        ${msg("vneidPhoneTitle")}
    <#elseif section = "form">
        <#if vneidPhoneStage == "number">
            <p id="vneid-phone-intro" class="vneid-instruction">${msg("vneidPhoneIntro")}</p>
            <form id="vneid-phone-number-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
                <@field.input name="number" label=msg("vneidPhoneNumberLabel") value=vneidPhoneValue autocomplete="tel" autofocus=true />
                <@buttons.actionGroup>
                    <@buttons.button id="vneid-phone-send" name="send" label="vneidPhoneSendCode" />
                </@buttons.actionGroup>
            </form>
        <#else>
            <p id="vneid-phone-sent-to" class="vneid-instruction">${msg("vneidPhoneCodeSentTo", maskedPhone)}</p>
            <form id="vneid-phone-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
                <@field.input name="code" label=msg("vneidSmsCodeLabel") autocomplete="one-time-code" autofocus=true />
                <@buttons.actionGroup>
                    <@buttons.button id="vneid-phone-confirm" name="confirm" label="vneidSmsCodeSubmit" />
                </@buttons.actionGroup>
            </form>
            <form id="vneid-phone-other-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <@buttons.actionGroup>
                    <@buttons.button id="vneid-phone-resend" name="resend" label="vneidSmsResend" type="secondary" />
                    <@buttons.button id="vneid-phone-change" name="changeNumber" label="vneidPhoneOtherNumber" type="secondary" />
                </@buttons.actionGroup>
            </form>
        </#if>
    </#if>
</@layout.registrationLayout>
