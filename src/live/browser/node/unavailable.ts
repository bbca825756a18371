// `node:fs`, `node:net`, `node:tls` and `node:http` in the browser: a page
// has no files or sockets. Nothing in the page calls these (the cluster keeps
// its logs in memory and kafkajs gets an in-memory socketFactory); if
// something does, it says why it failed.
function unavailable(name: string): () => never {
  return () => {
    throw new Error(`${name} is not available in the browser`);
  };
}

export const connect = unavailable("net.connect");
export const createServer = unavailable("createServer");
export const request = unavailable("http.request");
export const isIP = () => 0;
export const existsSync = () => false;
export const readFileSync = unavailable("fs.readFileSync");
export const writeFileSync = unavailable("fs.writeFileSync");
export const mkdirSync = unavailable("fs.mkdirSync");
export const openSync = unavailable("fs.openSync");
export default { connect, createServer, request, isIP, existsSync, readFileSync, writeFileSync, mkdirSync, openSync };
