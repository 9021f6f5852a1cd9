// Requests to the server: a failed response's message (its JSON `error`, else the
// status line), and a JSON GET with the page's cookie.

/** The message of a failed response: its JSON `error`, else the HTTP status. */
export async function responseError(response) {
  let message = `${response.status} ${response.statusText}`.trim();
  try {
    const body = await response.json();
    if (body && typeof body.error === 'string') message = body.error;
  } catch (_) { /* not JSON: keep the status line */ }
  const error = new Error(message);
  error.status = response.status;
  return error;
}

export async function fetchJSON(url, signal) {
  const response = await fetch(url, { credentials: 'same-origin', signal });
  if (!response.ok) throw await responseError(response);
  return response.json();
}
