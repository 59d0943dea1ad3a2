/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(authorization: string | string[] | undefined): string | null {
  const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return match ? match[1] : null;
}

/** The token of a request: `Authorization: Bearer <jwt or API key>`, or an API key in `X-API-Key`. */
export function tokenFromHeaders(headers: Record<string, string | string[] | undefined>): string | null {
  const bearer = bearerToken(headers.authorization);
  if (bearer !== null) {
    return bearer;
  }
  const apiKey = headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey.trim() !== '' ? apiKey.trim() : null;
}
