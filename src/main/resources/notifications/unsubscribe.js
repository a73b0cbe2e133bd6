"use strict";

// The page /unsubscribe#token=... that the footer of a notification mail links to. The
// token is in the fragment, which browsers never send, so it stays out of access logs.
// Text is only ever set with textContent: the page's CSP requires Trusted Types, so an
// HTML sink would fail rather than render.
(() => {
  const token = new URLSearchParams(window.location.hash.slice(1)).get("token");
  const button = document.getElementById("confirm");
  const message = document.getElementById("message");
  const settings = "Sign in to Cairn and turn these emails off in your notification settings.";

  // The outcome replaces the button, and focus moves to it so that a screen reader reads it.
  function finish(text) {
    button.hidden = true;
    message.textContent = text;
    message.focus();
  }

  function retry(text) {
    button.disabled = false;
    message.textContent = text;
    message.focus();
  }

  if (!token) {
    finish("This link is incomplete. " + settings);
    return;
  }
  button.hidden = false;
  button.addEventListener("click", async () => {
    button.disabled = true;
    message.textContent = "Stopping these emails…";
    let response;
    try {
      response = await fetch("api/v1/notifications/unsubscribe", {
        method: "POST",
        body: new URLSearchParams({ token }),
        credentials: "omit",
        cache: "no-store",
      });
    } catch {
      retry("Cairn could not be reached. Check your connection and try again.");
      return;
    }
    if (response.ok) {
      finish("Done: you will not get these emails any more. You can turn them on again in your notification settings.");
      return;
    }
    const problem = await response.json().catch(() => ({}));
    if (problem.code === "unsubscribe_link_expired") {
      finish("This link has expired. " + settings);
    } else if (problem.code === "invalid_unsubscribe_token") {
      finish("This link is not valid: it may have been cut short or changed. " + settings);
    } else {
      retry("Something went wrong. Please try again in a moment.");
    }
  });
})();
