import { expose, transfer } from 'comlink';
import { CONNECT_MESSAGE, READY_MESSAGE, type OfficialRuntimeApi } from './officialRuntimeApi';
import { loadOfficialModel } from './officialRuntime';

/** runtime-check.html's script: serves the official TFLite runtime to the app that frames this page. */
const api: OfficialRuntimeApi = {
  async runAll(bytes, input, inputs) {
    const baseUrl = new URL(import.meta.env.BASE_URL, location.href).href;
    const model = await loadOfficialModel(bytes, input, baseUrl);
    try {
      const outputs = inputs.map((raw) => model.run(raw));
      return transfer(
        outputs,
        outputs.map((o) => o.buffer),
      );
    } finally {
      model.dispose();
    }
  },
};

// Only the app's own page, framing this one, may connect.
window.addEventListener('message', (e) => {
  if (e.origin !== location.origin || e.source !== window.parent || e.data !== CONNECT_MESSAGE) return;
  const [port] = e.ports;
  if (!port) return;
  expose(api, port);
  port.postMessage(READY_MESSAGE);
});
