/**
 * AudioWorklet processor "pcm-capture" (loaded by src/platform/microphone/openMicrophone.ts).
 *
 * Runs on the audio rendering thread: takes the first channel of its input, converts float32 samples
 * (−1…1) to int16 (×32768, rounded, saturated) and posts them to the main thread in batches of
 * `processorOptions.batchFrames` samples (default 512: 32 ms at 16 kHz), transferring each batch's buffer
 * instead of copying it. Posting the string 'stop' to its port ends processing.
 */
class PcmCaptureProcessor extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const requested = options && options.processorOptions && options.processorOptions.batchFrames;
    this.batchFrames = Number.isInteger(requested) && requested > 0 ? requested : 512;
    this.batch = new Int16Array(this.batchFrames);
    this.filled = 0;
    this.stopped = false;
    this.port.onmessage = (event) => {
      if (event.data === 'stop') this.stopped = true;
    };
  }

  process(inputs) {
    if (this.stopped) return false;
    // An input with no connection has no channels: nothing to capture in this render quantum.
    const channel = inputs[0] && inputs[0][0];
    if (!channel) return true;
    for (let i = 0; i < channel.length; i++) {
      const scaled = Math.round(channel[i] * 32768);
      // NaN fails both comparisons below and would become 0 when stored; say so explicitly.
      this.batch[this.filled++] = scaled >= 32767 ? 32767 : scaled <= -32768 ? -32768 : scaled || 0;
      if (this.filled === this.batchFrames) {
        this.port.postMessage(this.batch, [this.batch.buffer]);
        this.batch = new Int16Array(this.batchFrames);
        this.filled = 0;
      }
    }
    return true;
  }
}

registerProcessor('pcm-capture', PcmCaptureProcessor);
