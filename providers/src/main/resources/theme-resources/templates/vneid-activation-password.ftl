<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- Activation, last step (issue #15): the account's password, checked against the realm's password policy. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password','password-confirm'); section>
<!-- template: vneid-activation-password.ftl -->
    <#if section = "header">
        ${msg("vneidActivationPasswordTitle")}
    <#elseif section = "form">
        <p id="vneid-activation-password-hint" class="vneid-instruction">${msg("vneidRecoveryPasswordHint")}</p>
        <form id="vneid-activation-password-form" class="${properties.kcFormClass!}" onsubmit="submitPassword.disabled = true; return true;"
              action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.password name="password-new" label=msg("passwordNew") fieldName="password" autocomplete="new-password" autofocus=true />
            <@field.password name="password-confirm" label=msg("passwordConfirm") autocomplete="new-password" />
            <@buttons.actionGroup>
                <@buttons.button id="vneid-activation-password-submit" name="submitPassword" label="vneidActivationActivate" />
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
