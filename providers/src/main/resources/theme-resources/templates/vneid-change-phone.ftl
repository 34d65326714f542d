<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- Phone change, proof of control. Rendered by vn.vneid.sso.phone.ChangePhoneRequiredAction. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('code'); section>
<!-- template: vneid-change-phone.ftl -->
    <#if section = "header">
        ${msg("vneidChangePhoneTitle")}
    <#elseif section = "form">
        <#if vneidChangeStage == "choice">
            <p id="vneid-change-intro" class="vneid-instruction">${msg("vneidChangePhoneIntro", maskedPhone)}</p>
            <form id="vneid-change-choice-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <@buttons.actionGroup>
                    <@buttons.button id="vneid-change-old-phone" name="useOldPhone" label="vneidChangePhoneUseOld" />
                    <@buttons.button id="vneid-change-chip" name="useChip" label="vneidChangePhoneUseChip" type="secondary" />
                    <@buttons.button id="vneid-change-cancel" name="cancel" label="vneidChipCancel" type="secondary" />
                </@buttons.actionGroup>
            </form>
        <#else>
            <p id="vneid-change-sent-to" class="vneid-instruction">${msg("vneidChangePhoneCodeSentTo", maskedPhone)}</p>
            <form id="vneid-change-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
                <@field.input name="code" label=msg("vneidSmsCodeLabel") autocomplete="one-time-code" autofocus=true />
                <@buttons.actionGroup>
                    <@buttons.button id="vneid-change-confirm" name="confirm" label="vneidSmsCodeSubmit" />
                </@buttons.actionGroup>
            </form>
            <form id="vneid-change-other-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <@buttons.actionGroup>
                    <@buttons.button id="vneid-change-resend" name="resend" label="vneidSmsResend" type="secondary" />
                    <@buttons.button id="vneid-change-chip-instead" name="useChip" label="vneidChangePhoneUseChip" type="secondary" />
                </@buttons.actionGroup>
            </form>
        </#if>
    </#if>
</@layout.registrationLayout>
