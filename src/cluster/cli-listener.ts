// The secured listener of `partition-lab cluster`: `--sasl users.json` and
// `--tls cert.pem key.pem` read and checked before anything starts, with
// errors that say which file is wrong and how; and the lines that tell a
// user how to connect (never with a password in them).
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as tls from "node:tls";
import { CliError } from "../cli-error";
import { checkSaslOptions, type SaslOptions } from "./sasl";
import type { TlsIdentity } from "./server/tcp-listener";

/** Takes `--tls CERT KEY` (two values, which parseArgs cannot) out of argv. */
export function takeTlsFlag(argv: string[]): { rest: string[]; tls?: { certFile: string; keyFile: string } } {
  const at = argv.indexOf("--tls");
  if (at < 0) return { rest: argv };
  const [certFile, keyFile] = argv.slice(at + 1, at + 3);
  if (!certFile || !keyFile || certFile.startsWith("-") || keyFile.startsWith("-")) {
    throw new CliError("--tls takes two files: --tls cert.pem key.pem (the broker's certificate and its private key, PEM)");
  }
  const rest = [...argv.slice(0, at), ...argv.slice(at + 3)];
  if (rest.includes("--tls")) throw new CliError("--tls given twice");
  return { rest, tls: { certFile, keyFile } };
}

function read(file: string, what: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new CliError(`${what} ${file}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (err as Error).message}`);
  }
}

/** Reads and checks the users file of `--sasl`. */
export function readSaslFile(file: string): Required<SaslOptions> {
  const text = read(file, "--sasl");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CliError(`--sasl ${file} is not JSON: ${(err as Error).message}`);
  }
  try {
    return checkSaslOptions(json, `--sasl ${file}`);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}

/** Reads the certificate and key of `--tls` and checks that they belong together. */
export function readTlsFiles(certFile: string, keyFile: string): TlsIdentity & { selfSigned: boolean } {
  const cert = read(certFile, "--tls certificate");
  const key = read(keyFile, "--tls key");
  try {
    tls.createSecureContext({ cert, key });
  } catch (err) {
    throw new CliError(`--tls ${certFile} ${keyFile}: not a PEM certificate and its private key (${(err as Error).message})`);
  }
  const x509 = new crypto.X509Certificate(cert);
  return { cert, key, selfSigned: x509.issuer === x509.subject && x509.verify(x509.publicKey) };
}

/** Kafka's name for the listener: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL. */
export function securityProtocol(sasl: boolean, tls: boolean): string {
  return sasl ? (tls ? "SASL_SSL" : "SASL_PLAINTEXT") : tls ? "SSL" : "PLAINTEXT";
}

/** The environment a notebook needs for this cluster, as shell assignments (a placeholder for the password). */
export function connectHint(bootstrap: string, sasl: Required<SaslOptions> | undefined, tlsFiles: { certFile: string; selfSigned: boolean } | undefined): string {
  const vars = [`KAFKA_BROKERS=${bootstrap}`];
  if (tlsFiles) vars.push("KAFKA_SSL=1", `KAFKA_SSL_CA_FILE=${tlsFiles.selfSigned ? tlsFiles.certFile : "<the CA that signed it>"}`);
  if (sasl) {
    const user = Object.keys(sasl.users)[0];
    vars.push(`KAFKA_SASL_MECHANISM=${sasl.mechanisms[0].toLowerCase()}`, `KAFKA_SASL_USERNAME=${user}`, `KAFKA_SASL_PASSWORD=<${user}'s password>`);
  }
  return vars.join(" ");
}
