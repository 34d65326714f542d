<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- Level-1 registration, step 1 (issue #15). Rendered by vn.vneid.sso.selfreg.RegistrationIdentityAuthenticator;
     the form has only the five fields the step reads. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('nationalId','fullName','birthDate','gender','phone'); section>
<!-- template: vneid-register-identity.ftl -->
    <#if section = "header">
        ${msg("vneidRegisterTitle")}
    <#elseif section = "form">
        <p id="vneid-register-instruction" class="vneid-instruction">${msg("vneidRegisterInstruction")}</p>
        <form id="vneid-register-form" class="${properties.kcFormClass!}" onsubmit="submitIdentity.disabled = true; return true;"
              action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.input name="nationalId" label=msg("vneidNationalId") value=(vneidRegister_nationalId!'') autocomplete="username" autofocus=true />
            <@field.input name="fullName" label=msg("vneidRegisterFullName") value=(vneidRegister_fullName!'') autocomplete="name" />
            <@field.input name="birthDate" label=msg("vneidRegisterBirthDate") value=(vneidRegister_birthDate!'') autocomplete="bday" />
            <p id="vneid-register-birth-hint" class="vneid-hint">${msg("vneidRegisterBirthDateHint")}</p>
            <@field.group name="gender" label=msg("vneidRegisterGender") error=messagesPerField.get('gender')>
                <span class="${properties.kcInputClass}">
                    <select id="gender" name="gender" aria-invalid="<#if messagesPerField.existsError('gender')>true</#if>">
                        <option value="" <#if !(vneidRegister_gender??) || vneidRegister_gender == ''>selected</#if>>${msg("vneidRegisterGenderChoose")}</option>
                        <option value="male" <#if (vneidRegister_gender!'') == 'male'>selected</#if>>${msg("vneidRegisterGenderMale")}</option>
                        <option value="female" <#if (vneidRegister_gender!'') == 'female'>selected</#if>>${msg("vneidRegisterGenderFemale")}</option>
                    </select>
                </span>
            </@field.group>
            <@field.input name="phone" label=msg("vneidRegisterPhone") value=(vneidRegister_phone!'') autocomplete="tel" />
            <p id="vneid-register-phone-hint" class="vneid-hint">${msg("vneidRegisterPhoneHint")}</p>
            <p id="vneid-register-face-note" class="vneid-hint">${msg("vneidRegisterFaceNote")}</p>
            <@buttons.actionGroup>
                <@buttons.button id="vneid-register-submit" name="submitIdentity" label="vneidRegisterContinue" />
            </@buttons.actionGroup>
        </form>
        <div class="${properties.kcFormGroupClass!}">
            <a id="vneid-back-to-login" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
               href="${url.loginRestartFlowUrl}">${msg("vneidBackToLogin")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
