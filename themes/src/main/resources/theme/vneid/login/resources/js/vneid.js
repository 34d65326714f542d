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
