<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#-- The service asks for level 2 and the account is level 1: say how to become level 2 (Decree 69/2024, art. 13). -->
<@layout.registrationLayout displayMessage=false; section>
<!-- template: vneid-chip-level1.ftl -->
    <#if section = "header">
        ${msg("vneidChipLevel1Title")}
    <#elseif section = "form">
        <div id="vneid-chip-level1" class="vneid-notice">
            <p>${msg("vneidChipLevel1Message")}</p>
            <ol>
                <li>${msg("vneidChipLevel1StepPolice")}</li>
                <li>${msg("vneidChipLevel1StepApproval")}</li>
                <li>${msg("vneidChipLevel1StepApp")}</li>
            </ol>
        </div>
        <form id="vneid-chip-level1-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup>
                <@buttons.button id="vneid-chip-back" name="cancel" label="vneidChipBackToService" type="secondary" />
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
