// A throwaway self-signed certificate for 127.0.0.1 and localhost, made by
// `openssl` for one test run and never committed: it is its own CA.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export type ThrowawayCertificate = { certFile: string; keyFile: string; cert: string; key: string };

/** Writes cert.pem and key.pem (P-256, valid one day) into `dir`. */
export function throwawayCertificate(dir: string): ThrowawayCertificate {
  const certFile = path.join(dir, "cert.pem");
  const keyFile = path.join(dir, "key.pem");
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
    "-subj", "/CN=partition-lab test", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
    "-keyout", keyFile, "-out", certFile,
  ], { stdio: ["ignore", "ignore", "pipe"] });
  return { certFile, keyFile, cert: fs.readFileSync(certFile, "utf8"), key: fs.readFileSync(keyFile, "utf8") };
}
