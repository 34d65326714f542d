// Two gaps of keycloak.v2's shared templates, closed here rather than by copying them (issue #16; STYLE.md: no
// copied base templates). Without script the pages still work and show every message; only these links are missing.
document.addEventListener("DOMContentLoaded", function () {
  // field.ftl shows a field's error beside it (aria-live="polite") but does not link the two: a screen reader that
  // lands on the field (the page autofocuses it) says "invalid" without the reason. Link each invalid field to it.
  document.querySelectorAll("input[aria-invalid=true]").forEach(function (input) {
    var error = document.getElementById("input-error-" + input.id);
    if (error) {
      var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      if (described.indexOf(error.id) < 0) {
        described.push(error.id);
        input.setAttribute("aria-describedby", described.join(" "));
      }
    }
  });
  // template.ftl's read-only "attempted username" (on every step after the first) sits under a label for
  // "username", a field that page does not have: the input has no name for assistive technology (axe: label,
  // critical). Point the label at it.
  var attempted = document.getElementById("kc-attempted-username");
  var label = document.querySelector("label[for=username]");
  if (attempted && label && !document.getElementById("username")) {
    label.htmlFor = attempted.id;
  }
});

// The code pages' resend countdown (issue #16). The page says how many seconds the server still refuses a new code;
// the button stays disabled and the hint counts down until then, from this page's arrival (never earlier than the
// server's own cooldown ends). The seconds are not a live region (a screen reader would read every tick); the end is
// announced once in a polite live region.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-vneid-resend-wait]").forEach(function (hint) {
    var button = document.getElementById(hint.getAttribute("data-vneid-resend-button"));
    var seconds = parseInt(hint.getAttribute("data-vneid-resend-wait"), 10);
    var waitText = hint.getAttribute("data-vneid-resend-wait-text");
    var readyText = hint.getAttribute("data-vneid-resend-ready-text");
    var announce = document.getElementById(hint.getAttribute("data-vneid-resend-announce"));
    if (!button || !(seconds > 0) || !waitText || !readyText) {
      return;
    }
    var end = Date.now() + seconds * 1000;
    var shown = null;
    button.disabled = true;
    var timer = setInterval(tick, 250);
    tick();

    function tick() {
      var left = Math.ceil((end - Date.now()) / 1000);
      if (left > 0) {
        if (left !== shown) {
          shown = left;
          hint.textContent = waitText.replace("{0}", String(left));
        }
        return;
      }
      clearInterval(timer);
      button.disabled = false;
      hint.textContent = readyText;
      if (announce) {
        announce.textContent = readyText;
      }
    }
  });
});
