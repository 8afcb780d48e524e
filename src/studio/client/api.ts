/** Talks to the studio server: JSON in and out, the CSRF token on every write. */
const csrf = document.querySelector<HTMLMetaElement>('meta[name="opprop-csrf"]')?.content ?? "";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

async function send(method: string, url: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (method !== "GET") headers["x-csrf-token"] = csrf;
  let payload: BodyInit | undefined;
  if (body instanceof Blob) {
    headers["content-type"] = "application/octet-stream";
    payload = body;
  } else if (body !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const response = await fetch(url, { method, headers, body: payload, credentials: "same-origin" });
  if (!response.ok) {
    const error = (await response.json().catch(() => ({}))) as { error?: string; code?: string };
    throw new ApiError(response.status, error.error ?? response.statusText, error.code);
  }
  return response;
}

export async function api<T>(method: "GET" | "POST" | "PUT", url: string, body?: unknown): Promise<T> {
  return (await send(method, url, body)).json() as Promise<T>;
}

/** A POST whose answer is a file: handed to the browser as a download. */
export async function download(url: string, body: unknown): Promise<string> {
  const response = await send("POST", url, body);
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "download";
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  return name;
}
