/* The pay grid: each figure is shown beside its input as the site writes it (₹9,00,000), as it is typed.
   The server renders the same text first, so nothing depends on this script. */
(function () {
  "use strict";
  var formats = {};

  function formatter(currency) {
    if (!formats[currency]) {
      // en-IN groups in lakhs and crores: 9,00,000.
      formats[currency] = new Intl.NumberFormat(currency === "INR" ? "en-IN" : "en-US", {
        style: "currency",
        currency: currency,
        minimumFractionDigits: 0,
        maximumFractionDigits: 0,
      });
    }
    return formats[currency];
  }

  function show(input) {
    var output = input.parentNode.querySelector("output.pay-figure");
    if (!output) return;
    var digits = input.value.replace(/[₹,\s_]/g, "");
    if (digits === "") {
      output.textContent = "";
    } else if (/^\d+$/.test(digits)) {
      output.textContent = formatter(output.dataset.currency || "INR").format(Number(digits));
    } else {
      output.textContent = "not a whole number";
    }
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches(".pay-grid input.pay-input")) show(event.target);
  });
})();
