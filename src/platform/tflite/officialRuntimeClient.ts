import { wrap, type Remote } from 'comlink';
import {
  CONNECT_MESSAGE,
  READY_MESSAGE,
  RUNTIME_FRAME_PAGE,
  type OfficialRuntimeApi,
} from './officialRuntimeApi';

/** How long the frame may take to answer once its page has loaded (its script has run by then). */
const READY_TIMEOUT_MS = 15_000;

let connection: Promise<Remote<OfficialRuntimeApi>> | null = null;

/**
 * The official TFLite runtime, in its frame (officialRuntimeApi.ts): the hidden iframe is added on first use and
 * kept for the page's lifetime. A frame that fails to start is removed, so the next call tries again.
 */
export function officialRuntime(): Promise<Remote<OfficialRuntimeApi>> {
  connection ??= openFrame().catch((e: unknown) => {
    connection = null;
    throw e;
  });
  return connection;
}

function openFrame(): Promise<Remote<OfficialRuntimeApi>> {
  const frame = document.createElement('iframe');
  frame.hidden = true;
  frame.title = 'Official TensorFlow Lite runtime';
  frame.src = new URL(RUNTIME_FRAME_PAGE, new URL(import.meta.env.BASE_URL, location.href)).href;
  return new Promise<Remote<OfficialRuntimeApi>>((resolve, reject) => {
    const fail = () => {
      frame.remove();
      reject(
        new Error(
          `The official TFLite runtime's page (${RUNTIME_FRAME_PAGE}) did not start; reload the studio and try again.`,
        ),
      );
    };
    frame.addEventListener(
      'load',
      () => {
        const { port1, port2 } = new MessageChannel();
        const timer = setTimeout(fail, READY_TIMEOUT_MS);
        const onReady = (e: MessageEvent) => {
          if (e.data !== READY_MESSAGE) return;
          clearTimeout(timer);
          port1.removeEventListener('message', onReady);
          resolve(wrap<OfficialRuntimeApi>(port1));
        };
        port1.addEventListener('message', onReady);
        port1.start();
        frame.contentWindow?.postMessage(CONNECT_MESSAGE, location.origin, [port2]);
      },
      { once: true },
    );
    document.body.append(frame);
  });
}
