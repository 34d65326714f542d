<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- Forgotten password, last step (issue #17): the new password, checked against the realm's password policy. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password','password-confirm'); section>
<!-- template: vneid-recovery-password.ftl -->
    <#if section = "header">
        ${msg("vneidRecoveryPasswordTitle")}
    <#elseif section = "form">
        <p id="vneid-recovery-password-hint" class="vneid-instruction">${msg("vneidRecoveryPasswordHint")}</p>
        <form id="vneid-recovery-password-form" class="${properties.kcFormClass!}" onsubmit="submitPassword.disabled = true; return true;"
              action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.password name="password-new" label=msg("passwordNew") fieldName="password" autocomplete="new-password" autofocus=true />
            <@field.password name="password-confirm" label=msg("passwordConfirm") autocomplete="new-password" />
            <p id="vneid-recovery-sessions-end" class="vneid-hint">${msg("vneidRecoverySessionsWillEnd")}</p>
            <@buttons.actionGroup>
                <@buttons.button id="vneid-recovery-password-submit" name="submitPassword" label="vneidRecoverySetPassword" />
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
