// What the control endpoint refuses before it reads a request, so a web
// page the user happens to open cannot drive it: a browser may send a
// "simple" cross-site POST (no preflight) only with a form or text body, so
// every state change must declare JSON; it names the page in Origin; and a
// DNS-rebinding page reaches loopback under its own host name, which Host
// reveals. Off loopback, a token is required as well.
import type { IncomingHttpHeaders } from "node:http";

export type Refusal = { status: number; error: string };

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** Whether `host` is a loopback address (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Where the endpoint listens and whether it needs a token: loopback unless `controlHost` says otherwise, and a token anywhere else. */
export function controlListenPlan(options: { host?: string; controlHost?: string; controlToken?: boolean }): { host: string; tokenRequired: boolean } {
  const host = options.controlHost ?? "127.0.0.1";
  return { host, tokenRequired: options.controlToken ?? !isLoopback(host) };
}

/** The Host header values the endpoint answers to: its own address, and the loopback names when it listens on loopback. */
function allowedHosts(host: string, port: number): Set<string> {
  const hostPart = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  const hosts = new Set([`${hostPart}:${port}`]);
  if (isLoopback(host)) for (const name of ["localhost", "127.0.0.1", "[::1]"]) hosts.add(`${name}:${port}`);
  return hosts;
}

/** Compares in time independent of where the first difference is, so timing tells nothing of the token. */
function sameToken(given: string, expected: string): boolean {
  if (given.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < given.length; i++) diff |= given.charCodeAt(i) ^ expected.charCodeAt(i);
  return diff === 0;
}

/** Why the request must be refused, or undefined when it may proceed. `listening` is the bound address; wildcard hosts accept any Host (a token guards them). */
export function refusal(method: string, headers: IncomingHttpHeaders, listening: { host: string; port: number }, token: string | undefined): Refusal | undefined {
  const wildcard = listening.host === "0.0.0.0" || listening.host === "::";
  if (!wildcard && !allowedHosts(listening.host, listening.port).has(String(headers.host ?? "").toLowerCase())) {
    return { status: 403, error: `Host "${headers.host}" is not this endpoint's address (DNS rebinding?)` };
  }
  const origin = headers.origin;
  if (origin !== undefined && !(origin.startsWith("http://") && allowedHosts(listening.host, listening.port).has(origin.slice("http://".length).toLowerCase()))) {
    return { status: 403, error: `requests from web pages (Origin ${origin}) are refused` };
  }
  if (method === "OPTIONS") return { status: 405, error: "no cross-origin requests" };
  if (method !== "GET" && !/^application\/json\s*(;|$)/i.test(headers["content-type"] ?? "")) {
    return { status: 415, error: "send Content-Type: application/json" };
  }
  if (token !== undefined) {
    const given = /^Bearer (.+)$/.exec(headers.authorization ?? "")?.[1];
    if (!given || !sameToken(given, token)) return { status: 401, error: "this endpoint needs the token printed when the cluster started (Authorization: Bearer …, or ?token=… in the URL given to the client)" };
  }
  return undefined;
}
