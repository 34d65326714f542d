<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#-- Level-2 step-up with the chip ID card. Rendered by vn.vneid.sso.chip.ChipStepUpAuthenticator.
     The QR code and the code below carry only the transaction code (vneid://chip-step-up?tx=...): the app posts
     to its own configured server, never to an address it was shown (issue #12). -->
<@layout.registrationLayout displayMessage=true; section>
<!-- template: vneid-chip-step-up.ftl -->
    <#if section = "header">
        ${msg("vneidChipTitle")}
    <#elseif section = "form">
        <#if cardLock??>
        <#-- Issue #15: the police reported the card; only a new card, read here, unlocks level 2. -->
        <div id="vneid-card-lock" class="vneid-notice" data-status="${cardLock}">
            <p id="vneid-card-lock-reason">${msg(cardLockReasonKey)}</p>
            <p>${msg("cardLockWhatToDo")}</p>
            <ol>
                <li>${msg("cardLockStepApp")}</li>
                <li>${msg("cardLockStepPolice")}</li>
            </ol>
        </div>
        </#if>
        <div id="vneid-chip" class="vneid-chip">
            <p class="vneid-instruction">${msg("vneidChipInstruction")}</p>
            <img id="vneid-chip-qr" class="vneid-qr" src="${chipQr}" alt="${msg('vneidChipQrAlt')}" width="240" height="240"/>
            <p class="vneid-instruction">${msg("vneidChipMatchNumber")} <strong id="vneid-chip-match">${chipMatchNumber}</strong></p>
            <p class="vneid-hint">${msg("vneidChipTransactionCode")} <code id="vneid-chip-transaction">${chipTransaction}</code></p>
            <p class="vneid-hint">${msg("vneidChipValidity", chipTtlSeconds)}</p>
        </div>
        <form id="vneid-chip-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup>
                <@buttons.button id="vneid-chip-continue" name="continue" label="vneidChipContinue" />
                <@buttons.button id="vneid-chip-renew" name="renew" label="vneidChipRenew" type="secondary" />
                <@buttons.button id="vneid-chip-cancel" name="cancel" label="vneidChipCancel" type="secondary" />
            </@buttons.actionGroup>
        </form>
        <script>
            <#outputformat "JavaScript">
            // Continue by itself once the app has answered, so that the citizen need not come back to the screen.
            // An expired code is not renewed without the citizen: polling stops after a few "expired" answers
            // (one or two are normal while an answer is being verified).
            (function () {
                var statusUrl = ${chipStatusUrl?c};
                var expiredAnswers = 0;
                var timer = setInterval(function () {
                    fetch(statusUrl, {credentials: "omit"}).then(function (r) { return r.json(); }).then(function (s) {
                        if (s.status === "pending") {
                            return;
                        }
                        if (s.status === "expired" && ++expiredAnswers < 3) {
                            return;
                        }
                        clearInterval(timer);
                        if (s.status !== "expired") {
                            document.getElementById("vneid-chip-continue").click();
                        }
                    }).catch(function () { /* keep the button */ });
                }, 2000);
            })();
            </#outputformat>
        </script>
    </#if>
</@layout.registrationLayout>
