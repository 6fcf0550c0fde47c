// The sheet page's "인쇄" button: a static file, since the CSP forbids inline scripts.
// Without JavaScript the button stays hidden (the browser's own print command still works).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
