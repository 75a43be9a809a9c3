#!/usr/bin/env python3
"""Independent float64 numpy reference of the audio DSP blocks (DESIGN.md section 5).

Usage: python3 scripts/dsp_reference.py DIR

DIR/cases.json is a list of cases; each names a float64 little-endian input file in DIR and says what to
compute. For every case this writes DIR/<name>.out.f64 (and, for MFE, DIR/<name>.scaled.f64 with the values
before 8-bit quantisation) and finally DIR/results.json mapping each name to its output shape.

Case kinds:
  power        {"input", "fft_length", "frames": [[offset, length], ...]} -> |rfft(x[o:o+l], n)|^2, frames x bins
  mel          {"num_filters", "fft_length", "fs", "low", "high"} -> dense filterbank, filters x bins
  mfe          {"input", "fs", "params"} -> features, frames x num_filters
  mfcc         {"input", "fs", "params"} -> features, frames x num_cepstral
  spectrogram  {"input", "fs", "params"} -> features, frames x (fft_length/2 + 1)
"""
import json
import math
import os
import sys

import numpy as np


def samples_in(seconds, fs):
    """ceil(fs * seconds), but floor when the product is within 0.001 above an integer."""
    v = fs * seconds
    f = math.floor(v)
    return int(f) if v - f < 0.001 else int(math.ceil(v))


def stack_frames(signal, fs, frame_length, frame_stride):
    length = samples_in(frame_length, fs)
    stride = samples_in(frame_stride, fs)
    count = (len(signal) - length) // stride + 1
    starts = np.arange(count) * stride
    return signal[starts[:, None] + np.arange(length)[None, :]]


def squared_magnitude(frames, n):
    spectrum = np.fft.rfft(frames, n=n, axis=-1)
    return spectrum.real ** 2 + spectrum.imag ** 2


def power_spectrum(frames, n):
    return squared_magnitude(frames, n) / n


def mel_filterbank(num_filters, n, fs, low, high):
    high = high if high else fs / 2
    mels = np.linspace(1127.0 * np.log(1 + low / 700.0), 1127.0 * np.log(1 + high / 700.0), num_filters + 2)
    hz = 700.0 * (np.exp(mels / 1127.0) - 1)
    hz[-1] -= 0.001
    edges = np.floor((n + 1) * hz / fs).astype(int)
    bins = np.arange(n // 2 + 1)
    bank = np.zeros((num_filters, n // 2 + 1))
    for i in range(num_filters):
        l, m, r = edges[i], edges[i + 1], edges[i + 2]
        rising = (bins > l) & (bins <= m)
        falling = (bins >= m) & (bins < r)
        bank[i, rising] = (bins[rising] - l) / (m - l)
        bank[i, falling] = (r - bins[falling]) / (r - m)
    return bank


def mel_energies(power, bank):
    energies = power @ bank.T
    energies[energies == 0] = 1e-10
    return energies


def loudness(power, noise_floor_db):
    db = 10 * np.log10(np.maximum(power, 1e-30))
    return (db - noise_floor_db) / (12 - noise_floor_db)


def dct2_ortho(x):
    """Orthonormal DCT-II along the last axis, through the FFT of the even extension (no DCT matrix)."""
    n = x.shape[-1]
    spectrum = np.fft.fft(np.concatenate([x, x[..., ::-1]], axis=-1), axis=-1)[..., :n]
    k = np.arange(n)
    y = (spectrum * np.exp(-1j * np.pi * k / (2 * n))).real / 2
    scale = np.full(n, math.sqrt(2.0 / n))
    scale[0] = math.sqrt(1.0 / n)
    return y * scale


def sliding_cmvn(c, win):
    pad = (win - 1) // 2
    rows = c.shape[0]
    padded = np.pad(c, ((pad, pad), (0, 0)), 'symmetric')
    centred = c - np.array([padded[i:i + win].mean(axis=0) for i in range(rows)])
    padded = np.pad(centred, ((pad, pad), (0, 0)), 'symmetric')
    std = np.array([padded[i:i + win].std(axis=0) for i in range(rows)])
    return centred / (std + 1e-10)


def mfe(x, fs, p):
    signal = x / 32768.0
    signal = signal - 0.98 * np.roll(signal, 1)
    frames = stack_frames(signal, fs, p['frame_length'], p['frame_stride'])
    power = power_spectrum(frames, p['fft_length'])
    bank = mel_filterbank(p['num_filters'], p['fft_length'], fs, p['low_frequency'], p['high_frequency'])
    scaled = np.clip(loudness(mel_energies(power, bank), p['noise_floor_db']), 0, 1)
    return np.minimum(np.around(scaled * 256), 255) / 256, scaled


def mfcc(x, fs, p):
    signal = x - p['pre_cof'] * np.roll(x, p['pre_shift'])
    frames = stack_frames(signal, fs, p['frame_length'], p['frame_stride'])
    power = power_spectrum(frames, p['fft_length'])
    energy = power.sum(axis=1)
    energy[energy == 0] = 1e-10
    bank = mel_filterbank(p['num_filters'], p['fft_length'], fs, p['low_frequency'], p['high_frequency'])
    cepstra = dct2_ortho(np.log(mel_energies(power, bank)))[:, :p['num_cepstral']]
    cepstra[:, 0] = np.log(energy)
    return sliding_cmvn(cepstra, p['win_size'])


def spectrogram(x, fs, p):
    frames = stack_frames(x, fs, p['frame_length'], p['frame_stride'])
    power = power_spectrum(frames, p['fft_length'])
    return np.maximum(loudness(power, p['noise_floor_db']), 0)


def run_case(directory, case):
    kind = case['kind']
    x = np.fromfile(os.path.join(directory, case['input']), dtype='<f8') if 'input' in case else None
    extra = None
    if kind == 'power':
        n = case['fft_length']
        out = np.array([squared_magnitude(x[o:o + l], n) for o, l in case['frames']])
    elif kind == 'mel':
        out = mel_filterbank(case['num_filters'], case['fft_length'], case['fs'], case['low'], case['high'])
    elif kind == 'mfe':
        out, extra = mfe(x, case['fs'], case['params'])
    elif kind == 'mfcc':
        out = mfcc(x, case['fs'], case['params'])
    elif kind == 'spectrogram':
        out = spectrogram(x, case['fs'], case['params'])
    else:
        raise ValueError('unknown case kind ' + kind)
    out.astype('<f8').tofile(os.path.join(directory, case['name'] + '.out.f64'))
    if extra is not None:
        extra.astype('<f8').tofile(os.path.join(directory, case['name'] + '.scaled.f64'))
    return list(out.shape)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    directory = sys.argv[1]
    with open(os.path.join(directory, 'cases.json')) as f:
        cases = json.load(f)
    results = {case['name']: run_case(directory, case) for case in cases}
    with open(os.path.join(directory, 'results.json'), 'w') as f:
        json.dump(results, f)


if __name__ == '__main__':
    main()
