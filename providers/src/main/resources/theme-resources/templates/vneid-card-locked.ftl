<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#-- Issue #15: level 2 is locked because the police reported the chip ID card (Decree 69/2024 on locking accounts).
     Shown where an action needs level 2 (phone change); the step-up page itself shows the same notice with its QR. -->
<@layout.registrationLayout displayMessage=false; section>
<!-- template: vneid-card-locked.ftl -->
    <#if section = "header">
        ${msg("cardLockTitle")}
    <#elseif section = "form">
        <div id="vneid-card-lock" class="vneid-notice" data-status="${cardLock}">
            <p id="vneid-card-lock-reason">${msg(cardLockReasonKey)}</p>
            <p>${msg("cardLockWhatToDo")}</p>
            <ol>
                <li>${msg("cardLockStepApp")}</li>
                <li>${msg("cardLockStepPolice")}</li>
            </ol>
            <p>${msg("cardLockLevelOneStillWorks")}</p>
        </div>
        <form id="vneid-card-lock-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup>
                <@buttons.button id="vneid-card-lock-back" name="cancel" label="vneidChipBackToService" type="secondary" />
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
