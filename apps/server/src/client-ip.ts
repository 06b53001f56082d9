import type { IncomingMessage } from 'node:http';

/**
 * The client's address. Behind `trustProxy` reverse proxies, each appends the address it
 * received from to X-Forwarded-For, so the client is that many entries from the right;
 * anything further left was written by the client itself and cannot be trusted.
 */
export function clientIp(req: IncomingMessage, trustProxy: number): string {
  const socketIp = req.socket.remoteAddress ?? 'unknown';
  if (trustProxy === 0) return socketIp;
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - trustProxy] ?? forwarded[0] ?? socketIp;
}

/** Whether the client used HTTPS: our own TLS socket, or a trusted proxy that says so. */
export function isSecure(req: IncomingMessage, trustProxy: number): boolean {
  if ('encrypted' in req.socket && req.socket.encrypted) return true;
  if (trustProxy === 0) return false;
  const protocols = String(req.headers['x-forwarded-proto'] ?? '').split(',');
  return protocols[protocols.length - 1]?.trim() === 'https';
}
