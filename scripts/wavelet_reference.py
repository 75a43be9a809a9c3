#!/usr/bin/env python3
"""PyWavelets reference for the spectral block's Wavelet analysis (src/core/dsp/wavelet*.ts, spectralWavelet.ts).

Usage: python3 scripts/wavelet_reference.py DIR

Needs numpy, SciPy and PyWavelets (Debian: python3-numpy python3-scipy python3-pywt). DIR/cases.json is a list
of cases, each naming its input file in DIR (little-endian float32 '.f32' or float64 '.f64', which also sets
the dtype PyWavelets computes in). For every case this writes DIR/<name>.out.f64 (and, for filters, the float32
taps to DIR/<name>.out32.f32) and finally DIR/results.json mapping each name to the lengths of its parts.

Case kinds:
  filters   {"wavelet"} -> dec_lo then dec_hi of pywt.Wavelet (float64); .out32.f32: the float32 taps
            PyWavelets' C core applies to float32 data, read back from the DWT of two float32 unit impulses
  wavedec   {"input", "wavelet", "level"} -> pywt.wavedec(x, wavelet, mode='symmetric', level), every
            sub-band concatenated in pywt's order [cA_n, cD_n, ..., cD_1]
  features  {"input", "wavelet", "level"} -> the 14 features of every sub-band of that decomposition
  spectral  {"input", "axes", "fs", "params"} -> the spectral block's Wavelet analysis of one window
            (interleaved values, no input decimation), features of every axis in turn

The features are those Edge Impulse's spectral block takes per sub-band (common/wavelet.py get_features,
implementation versions 3-4), computed with the same numpy/SciPy calls on the coefficients in their own dtype:
entropy of a 100-bin density histogram, zero- and mean-crossing rates, the 5/25/75/95/50th values of the sorted
coefficients, mean, std, var (ddof 1), rms, skew and kurtosis (0 when rms is 0). SciPy 1.9 and later return NaN
for zero variance where SciPy 1.7 (the version the reference pins) returned 0 and -3; that case is mapped back.
"""
import json
import os
import sys

import numpy as np
import pywt
from scipy import signal, stats

FEATURE_COUNT = 14


def read_input(directory, name):
    dtype = '<f4' if name.endswith('.f32') else '<f8'
    return np.fromfile(os.path.join(directory, name), dtype=dtype)


def sorted_value(values, percentile):
    # The reference's index: int((n - 1) * p / 100 + 0.5) into the sorted values.
    return values[int((len(values) - 1) * percentile / 100 + 0.5)]


def scipy17(value, zero_variance_value):
    return zero_variance_value if np.isnan(value) else value


def sub_band_features(x):
    density = np.histogram(x, bins=100, density=True)[0]
    entropy = stats.entropy(density)
    n = len(x)
    zero_crossings = len(np.nonzero(np.diff(np.array(x) > 0))[0]) / n
    mean_crossings = len(np.nonzero(np.diff(np.array(x) > np.nanmean(x)))[0]) / n
    s = np.sort(x)
    rms = np.sqrt(np.mean(s ** 2))
    skew = 0 if rms == 0 else scipy17(stats.skew(s), 0.0)
    kurtosis = 0 if rms == 0 else scipy17(stats.kurtosis(s), -3.0)
    return [entropy, zero_crossings, mean_crossings,
            sorted_value(s, 5), sorted_value(s, 25), sorted_value(s, 75), sorted_value(s, 95),
            sorted_value(s, 50), np.mean(s), np.std(s), np.var(s, ddof=1), rms, skew, kurtosis]


def wavelet_features(x, wavelet, level):
    out = []
    for band in pywt.wavedec(x, wavelet, mode='symmetric', level=level):
        out += sub_band_features(band)
    return out


def float32_taps(wavelet):
    """The float32 filters, as the float32 DWT of unit impulses at an even and an odd position returns them."""
    w = pywt.Wavelet(wavelet)
    taps = w.dec_len
    lo = np.zeros(taps, np.float32)
    hi = np.zeros(taps, np.float32)
    for position, first in ((33, 0), (32, 1)):
        impulse = np.zeros(64, np.float32)
        impulse[position] = 1
        a, d = pywt.dwt(impulse, w, mode='symmetric')
        # cA[o] = f[2o + 1 - position]: well inside the signal, no extension reaches the impulse.
        for j in range(first, taps, 2):
            o = (j + position - 1) // 2
            lo[j] = a[o]
            hi[j] = d[o]
    return np.concatenate([lo, hi])


def spectral_wavelet(values, axes, fs, p):
    frames = values.reshape(-1, axes)
    sos = None
    if p['filter-type'] in ('low', 'high'):
        sos = np.float32(signal.butter(p['filter-order'], Wn=p['filter-cutoff'] * 2 / fs,
                                       btype=p['filter-type'], output='sos'))
    out = []
    for axis in range(axes):
        fx = np.array(frames[:, axis], dtype='f') * p['scale-axes']
        if sos is not None:
            fx = signal.sosfilt(sos, fx)
        fx = np.array(fx) - np.mean(fx)
        out += wavelet_features(fx, p['wavelet'], p['wavelet-level'])
    return out


def run_case(directory, case):
    kind = case['kind']
    path = os.path.join(directory, case['name'])
    if kind == 'filters':
        w = pywt.Wavelet(case['wavelet'])
        out = np.concatenate([w.dec_lo, w.dec_hi])
        float32_taps(case['wavelet']).astype('<f4').tofile(path + '.out32.f32')
        lengths = [w.dec_len, w.dec_len]
    elif kind == 'wavedec':
        bands = pywt.wavedec(read_input(directory, case['input']), case['wavelet'], mode='symmetric',
                             level=case['level'])
        out = np.concatenate(bands)
        lengths = [len(b) for b in bands]
    elif kind == 'features':
        out = np.array(wavelet_features(read_input(directory, case['input']), case['wavelet'], case['level']),
                       dtype=np.float64)
        lengths = [FEATURE_COUNT] * (case['level'] + 1)
    elif kind == 'spectral':
        values = read_input(directory, case['input'])
        out = np.array(spectral_wavelet(values, case['axes'], case['fs'], case['params']), dtype=np.float64)
        lengths = [len(out)]
    else:
        raise ValueError('unknown case kind ' + kind)
    out.astype('<f8').tofile(path + '.out.f64')
    return lengths


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
