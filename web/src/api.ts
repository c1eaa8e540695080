/** The dashboard's only contact with the server. Every failure becomes an ApiFailure with a readable message. */

export class ApiFailure extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const TOKEN_KEY = 'entente.token';
export const getToken = (): string => localStorage.getItem(TOKEN_KEY) ?? '';
export const setToken = (t: string): void => (t ? localStorage.setItem(TOKEN_KEY, t) : localStorage.removeItem(TOKEN_KEY));

function explain(status: number, body: { error?: string; detail?: string } | null, fallback: string): string {
  if (status === 401) return `${body?.detail ?? 'This server needs an access token for changes.'} Enter the token under Data → Access token.`;
  if (status === 413) return `${body?.detail ?? 'The upload is too large.'} Split it into smaller files, or use the command line (entente ingest / entente import).`;
  if (body?.detail) return `${body.detail} (${status} ${body.error ?? ''})`.replace(/ \)$/, ')');
  return `${fallback} (HTTP ${status})`;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function headers(json: boolean): Record<string, string> {
  const h: Record<string, string> = json ? { 'content-type': 'application/json' } : {};
  const t = getToken();
  if (t) h.authorization = `Bearer ${t}`;
  return h;
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method, headers: headers(body !== undefined), ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch {
    throw new ApiFailure(0, 'The server cannot be reached. Is `entente serve` still running?');
  }
  const data = await readJson(res);
  if (!res.ok) throw new ApiFailure(res.status, explain(res.status, data as { error?: string; detail?: string } | null, `${method} ${path} failed`));
  if (data === null) throw new ApiFailure(res.status, `The server answered ${method} ${path} with something that is not JSON.`);
  return data as T;
}

export const apiGet = <T>(path: string): Promise<T> => request<T>('GET', path);
export const apiPost = <T>(path: string, body: unknown): Promise<T> => request<T>('POST', path, body);

/** A POST with upload progress (fetch has none): `onProgress` gets the share sent, 0 to 1. */
export function upload<T>(path: string, body: Blob | string, type: string, onProgress: (share: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('content-type', type);
    const t = getToken();
    if (t) xhr.setRequestHeader('authorization', `Bearer ${t}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiFailure(0, 'The upload failed: the server cannot be reached.'));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && data) resolve(data as T);
      else reject(new ApiFailure(xhr.status, explain(xhr.status, data as { error?: string; detail?: string } | null, `upload to ${path} failed`)));
    };
    xhr.send(body);
  });
}

export const q = (params: Record<string, string | number | boolean | undefined>): string => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '' && v !== false) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};
