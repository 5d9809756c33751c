import { accessToken, signIn } from '../auth/auth';
import { toProblem } from './problem';

/** The paths of a generated `paths` type that take a POST. */
export type PostPath<P> = { [K in keyof P]: P[K] extends { post: unknown } ? K : never }[keyof P] & string;
/** The JSON answer of a POST path (the services declare it as content `*\/*`). */
export type PostResult<P, K extends keyof P> = P[K] extends { post: { responses: { 200: { content: { '*/*': infer R } } } } } ? R : unknown;

/**
 * Uploads a file's bytes as the request body to one of the services' documented POST paths,
 * reporting progress (fetch cannot report upload progress; XMLHttpRequest can).
 */
export function uploadFile<P, K extends PostPath<P>>(
  path: K,
  pathParams: Record<string, string | number>,
  file: Blob,
  contentType: string,
  onProgress: (percent: number) => void,
): Promise<PostResult<P, K>> {
  const url = window.location.origin + String(path).replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(pathParams[name])));
  return accessToken().then((token) => new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100)); };
    xhr.onload = () => {
      let body: unknown = xhr.responseText;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve(body as PostResult<P, K>);
      } else {
        if (xhr.status === 401) void signIn();
        reject(toProblem(body, new Response(null, { status: xhr.status, statusText: xhr.statusText })));
      }
    };
    xhr.onerror = () => reject(new Error('network error'));
    xhr.send(file);
  }));
}
