<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- Level-1 registration, step 3 (issue #15): the password, checked against the realm's password policy. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password','password-confirm'); section>
<!-- template: vneid-register-password.ftl -->
    <#if section = "header">
        ${msg("vneidRegisterPasswordTitle")}
    <#elseif section = "form">
        <p id="vneid-register-password-hint" class="vneid-instruction">${msg("vneidRecoveryPasswordHint")}</p>
        <form id="vneid-register-password-form" class="${properties.kcFormClass!}" onsubmit="submitPassword.disabled = true; return true;"
              action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.password name="password-new" label=msg("passwordNew") fieldName="password" autocomplete="new-password" autofocus=true />
            <@field.password name="password-confirm" label=msg("passwordConfirm") autocomplete="new-password" />
            <@buttons.actionGroup>
                <@buttons.button id="vneid-register-password-submit" name="submitPassword" label="vneidRegisterCreate" />
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
