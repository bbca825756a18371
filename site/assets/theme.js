// Runs in <head>, before the page paints: apply the saved colour scheme.
(function () {
  var saved = null;
  try { saved = localStorage.getItem("partition-lab:theme"); } catch (e) {}
  var dark = saved ? saved === "dark" : window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  document.documentElement.setAttribute("data-theme", dark ? "dark" : "light");
})();
