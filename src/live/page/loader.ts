// Loads the live scripts next to this one, each once, as classic <script>
// elements (the only way that works from file:// as well as from a host).
const loading = new Map<string, Promise<void>>();

/** The folder the page's live.js came from (assets/), as an absolute URL. */
export const assetsBase = (() => {
  const src = (document.currentScript as HTMLScriptElement | null)?.src ?? "assets/live.js";
  return src.replace(/[^/]*$/, "");
})();

/** Loads `file` from the assets folder; resolves once it ran. */
export function loadScript(file: string): Promise<void> {
  let promise = loading.get(file);
  if (!promise) {
    promise = new Promise<void>((resolve, reject) => {
      const script = document.createElement("script");
      script.src = assetsBase + file;
      script.onload = () => resolve();
      script.onerror = () => {
        loading.delete(file);
        reject(new Error(`could not load ${file}; is the site's assets folder complete?`));
      };
      document.head.appendChild(script);
    });
    loading.set(file, promise);
  }
  return promise;
}

/** A global a loaded script defined. */
export function global<T>(name: string): T {
  return (window as unknown as Record<string, T>)[name];
}
