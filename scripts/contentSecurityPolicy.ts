import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** The page that hosts the official TFLite runtime (src/platform/tflite/runtimeFrame.ts), in an iframe. */
export const RUNTIME_FRAME_FILE = 'runtime-check.html';

const SHARED = [
  "default-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/**
 * The studio's Content-Security-Policy. Nothing is fetched from elsewhere (`connect-src 'self'`, scripts only
 * from the origin). The wasm runtimes need 'wasm-unsafe-eval' and nothing broader.
 */
export const APP_POLICY = ["script-src 'self' 'wasm-unsafe-eval'", ...SHARED];

/**
 * The runtime frame's policy: the app's plus 'unsafe-eval', which the official TFLite runtime (tfjs-tflite, an
 * Emscripten build with embind) needs because it compiles its bindings with `new Function`. Only that page has
 * it; the app talks to it by postMessage.
 */
export const RUNTIME_FRAME_POLICY = ["script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'", ...SHARED];

const isRuntimeFrame = (path: string) => path.split('?')[0].endsWith(`/${RUNTIME_FRAME_FILE}`);

/** The policy as a meta element states it (a meta element cannot set frame-ancestors). */
export function metaPolicy(path: string): string {
  return (isRuntimeFrame(path) ? RUNTIME_FRAME_POLICY : APP_POLICY).join('; ');
}

/**
 * The policy as the preview server's header states it: also for the workers, which take the policy of their own
 * response, and with frame-ancestors (the app is framed by nobody, the runtime frame only by the app).
 */
export function headerPolicy(path: string): string {
  const frameAncestors = isRuntimeFrame(path) ? "frame-ancestors 'self'" : "frame-ancestors 'none'";
  return `${metaPolicy(path)}; ${frameAncestors}`;
}

/**
 * The studio's pages under their policies, for the app whose root is `appRoot`: builds runtime-check.html beside
 * index.html, writes each page's policy as its first head element (dev and build alike, so the meta and the
 * header come from one place) and sends it as a header from `vite preview`. A build of another root with the
 * same config (the browser benchmarks' page) is left as it is.
 */
export function contentSecurityPolicy(appRoot: string): Plugin {
  const root = resolve(appRoot);
  let active = false;
  return {
    name: 'tinyml-content-security-policy',
    config(config) {
      if (resolve(config.root ?? '.') !== root) return;
      return {
        build: {
          rollupOptions: {
            input: {
              main: resolve(root, 'index.html'),
              runtimeFrame: resolve(root, RUNTIME_FRAME_FILE),
            },
          },
        },
      };
    },
    configResolved(config) {
      active = resolve(config.root) === root;
    },
    transformIndexHtml(_html, ctx) {
      if (!active) return;
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: metaPolicy(ctx.path) },
          injectTo: 'head-prepend',
        },
      ];
    },
    configurePreviewServer(server) {
      if (!active) return;
      server.middlewares.use((req, res, next) => {
        res.setHeader('Content-Security-Policy', headerPolicy(req.url ?? '/'));
        next();
      });
    },
  };
}
