#!/usr/bin/env python3
"""Independent reference for src/core/dsp/butterworth.ts and decimator.ts, with numpy only (SciPy is not
available here). It re-implements, from SciPy's published algorithms, the pieces Edge Impulse's spectral
block relies on:

- butter / cheby1 digital low/high-pass design as second-order sections: analog prototype (buttap, cheb1ap),
  pre-warping with fs = 2, lp2lp_zpk / lp2hp_zpk, bilinear_zpk, zpk2sos with pairing 'nearest';
- sosfilt in float32 arithmetic (numpy float32 scalars, transposed direct form II as SciPy's _sosfilt);
- sosfilt_zi (lfilter_zi solved with numpy.linalg.solve);
- numpy's own float32 mean (np.mean), to check the TypeScript emulation of numpy's pairwise summation;
- the spectral-analysis feature pipeline these serve (Edge Impulse spectral_analysis, implementation
  version 4, FFT analysis), written after its published dsp.py with numpy's dtypes: float32 signal unless
  decimated, numpy rfft, SciPy 1.7 skew/kurtosis formulas, the reference's own bin-selection loop.

Reads a JSON request on stdin and prints a JSON answer:
  {"design": [{"family": "butter"|"cheby1", "order": 6, "wn": 0.096, "btype": "low"|"high", "rp": 0.05}],
   "sosfilt32": [{"sos": [[...6], ...], "x": [...]}],
   "zi": [[[...6], ...]],
   "mean32": [[...]],
   "spectral": [{"values": [...interleaved], "axes": 3, "fs": 62.5, "params": {<parameters.json names>}}]}
Answer: {"design": [[[b0, b1, b2, a0, a1, a2], ...], ...], "sosfilt32": [[...]], "zi": [[[z0, z1], ...]],
         "mean32": [...], "spectral": [[features...]]} (float32 results are given as the exact float64 value of the float32).
"""
import json
import sys

import numpy as np


def buttap(n):
    m = np.arange(-n + 1, n, 2)
    return np.array([]), -np.exp(1j * np.pi * m / (2 * n)), 1.0


def cheb1ap(n, rp):
    eps = np.sqrt(10 ** (0.1 * rp) - 1.0)
    mu = 1.0 / n * np.arcsinh(1 / eps)
    m = np.arange(-n + 1, n, 2)
    theta = np.pi * m / (2 * n)
    p = -np.sinh(mu + 1j * theta)
    k = np.prod(-p, axis=0).real
    if n % 2 == 0:
        k = k / np.sqrt(1 + eps * eps)
    return np.array([]), p, k


def lp2lp_zpk(z, p, k, wo):
    degree = len(p) - len(z)
    return wo * z, wo * p, k * wo ** degree


def lp2hp_zpk(z, p, k, wo):
    degree = len(p) - len(z)
    z_hp = np.append(wo / z, np.zeros(degree))
    p_hp = wo / p
    k_hp = k * np.real(np.prod(-z) / np.prod(-p))
    return z_hp, p_hp, k_hp


def bilinear_zpk(z, p, k, fs):
    degree = len(p) - len(z)
    fs2 = 2.0 * fs
    z_z = np.append((fs2 + z) / (fs2 - z), -np.ones(degree))
    p_z = (fs2 + p) / (fs2 - p)
    k_z = k * np.real(np.prod(fs2 - z) / np.prod(fs2 - p))
    return z_z, p_z, k_z


def cplxreal(z):
    """One of each conjugate pair (positive imaginary part), then the reals."""
    z = np.atleast_1d(np.asarray(z, dtype=complex))
    if z.size == 0:
        return z, z
    tol = 100 * np.finfo(float).eps
    z = z[np.lexsort((abs(z.imag), z.real))]
    real_indices = abs(z.imag) <= tol * abs(z)
    zr = z[real_indices].real
    if len(zr) == len(z):
        return np.array([], dtype=complex), zr
    z = z[~real_indices]
    zp = z[z.imag > 0]
    zn = z[z.imag < 0]
    assert len(zp) == len(zn), 'unmatched complex value'
    same_real = np.diff(zp.real) <= tol * abs(zp[:-1])
    diffs = np.diff(np.concatenate(([0], same_real, [0])))
    run_starts = np.nonzero(diffs > 0)[0]
    run_stops = np.nonzero(diffs < 0)[0]
    for start, stop in zip(run_starts, run_stops + 1):
        for chunk in (zp[start:stop], zn[start:stop]):
            chunk[...] = chunk[np.lexsort([abs(chunk.imag)])]
    assert not np.any(abs(zp - zn.conj()) > tol * abs(zn)), 'unmatched conjugate'
    return (zp + zn.conj()) / 2, zr


def nearest_real_complex_idx(fro, to, which):
    order = np.argsort(np.abs(fro - to), kind='stable')
    mask = np.isreal(fro[order])
    if which == 'complex':
        mask = ~mask
    return order[np.nonzero(mask)[0][0]]


def zpk2sos_nearest(z, p, k):
    z = np.asarray(z, dtype=complex)
    p = np.asarray(p, dtype=complex)
    if len(z) == len(p) == 0:
        return np.array([[k, 0.0, 0.0, 1.0, 0.0, 0.0]])
    p = np.concatenate((p, np.zeros(max(len(z) - len(p), 0))))
    z = np.concatenate((z, np.zeros(max(len(p) - len(z), 0))))
    n_sections = (max(len(p), len(z)) + 1) // 2
    if len(p) % 2 == 1:
        p = np.concatenate((p, [0.0]))
        z = np.concatenate((z, [0.0]))
    z = np.concatenate(cplxreal(z))
    p = np.concatenate(cplxreal(p))
    p_sos = np.zeros((n_sections, 2), complex)
    z_sos = np.zeros_like(p_sos)
    for si in range(n_sections):
        p1_idx = np.argmin(np.abs(1 - np.abs(p)))
        p1 = p[p1_idx]
        p = np.delete(p, p1_idx)
        if np.isreal(p1) and np.isreal(p).sum() == 0:
            z1_idx = nearest_real_complex_idx(z, p1, 'real')
            z1 = z[z1_idx]
            z = np.delete(z, z1_idx)
            p2 = z2 = 0
        else:
            if not np.isreal(p1) and np.isreal(z).sum() == 1:
                z1_idx = nearest_real_complex_idx(z, p1, 'complex')
            else:
                z1_idx = np.argmin(np.abs(p1 - z))
            z1 = z[z1_idx]
            z = np.delete(z, z1_idx)
            if not np.isreal(p1):
                if not np.isreal(z1):
                    p2 = p1.conj()
                    z2 = z1.conj()
                else:
                    p2 = p1.conj()
                    z2_idx = nearest_real_complex_idx(z, p1, 'real')
                    z2 = z[z2_idx]
                    z = np.delete(z, z2_idx)
            else:
                if not np.isreal(z1):
                    z2 = z1.conj()
                    p2_idx = nearest_real_complex_idx(p, z1, 'real')
                    p2 = p[p2_idx]
                else:
                    idx = np.nonzero(np.isreal(p))[0]
                    p2_idx = idx[np.argmin(np.abs(np.abs(p[idx]) - 1))]
                    p2 = p[p2_idx]
                    z2_idx = nearest_real_complex_idx(z, p2, 'real')
                    z2 = z[z2_idx]
                    z = np.delete(z, z2_idx)
                p = np.delete(p, p2_idx)
        p_sos[si] = [p1, p2]
        z_sos[si] = [z1, z2]
    assert len(p) == len(z) == 0
    p_sos = p_sos[::-1]
    z_sos = z_sos[::-1]
    sos = np.zeros((n_sections, 6))
    for si in range(n_sections):
        gain = k if si == 0 else 1.0
        b = gain * np.real(np.poly(z_sos[si]))
        a = np.real(np.poly(p_sos[si]))
        sos[si] = np.concatenate((b, a))
    return sos


def design(family, order, wn, btype, rp=None):
    z, p, k = buttap(order) if family == 'butter' else cheb1ap(order, rp)
    fs = 2.0
    warped = 2 * fs * np.tan(np.pi * wn / fs)
    if btype == 'low':
        z, p, k = lp2lp_zpk(z, p, k, warped)
    else:
        z, p, k = lp2hp_zpk(z, p, k, warped)
    z, p, k = bilinear_zpk(z, p, k, fs)
    return zpk2sos_nearest(z, p, k)


def sosfilt32(sos, x):
    sos = np.asarray(sos, dtype=np.float32)
    out = np.array(x, dtype=np.float32)
    zi = np.zeros((len(sos), 2), dtype=np.float32)
    for n in range(len(out)):
        x_cur = out[n]
        for s in range(len(sos)):
            x_new = sos[s, 0] * x_cur + zi[s, 0]
            zi[s, 0] = sos[s, 1] * x_cur - sos[s, 4] * x_new + zi[s, 1]
            zi[s, 1] = sos[s, 2] * x_cur - sos[s, 5] * x_new
            x_cur = x_new
        out[n] = x_cur
    return out


def lfilter_zi_2(b, a):
    i_minus_a = np.eye(2) - np.array([[-a[1], -a[2]], [1.0, 0.0]]).T
    rhs = b[1:] - a[1:] * b[0]
    return np.linalg.solve(i_minus_a, rhs)


def sosfilt_zi(sos):
    sos = np.asarray(sos, dtype=float)
    zi = np.empty((len(sos), 2))
    scale = 1.0
    for s in range(len(sos)):
        b = sos[s, :3]
        a = sos[s, 3:]
        zi[s] = scale * lfilter_zi_2(b, a)
        scale *= b.sum() / a.sum()
    return zi


def sosfilt_state(sos, x, zi):
    """sosfilt in the dtype of x (float64 here) from state zi."""
    out = np.array(x, dtype=np.float64)
    zi = np.array(zi, dtype=np.float64)
    sos = np.asarray(sos, dtype=np.float64)
    for n in range(len(out)):
        x_cur = out[n]
        for s in range(len(sos)):
            x_new = sos[s, 0] * x_cur + zi[s, 0]
            zi[s, 0] = sos[s, 1] * x_cur - sos[s, 4] * x_new + zi[s, 1]
            zi[s, 1] = sos[s, 2] * x_cur - sos[s, 5] * x_new
            x_cur = x_new
        out[n] = x_cur
    return out


def decimate_simple(x, ratio):
    sos = design('cheby1', 8, 0.8 / ratio, 'low', 0.05)
    y = sosfilt_state(sos, x, sosfilt_zi(sos) * x[0])
    return y[::ratio]


def scipy17_moment(a, k):
    return np.mean((a - a.mean()) ** k)


def scipy17_skew(a):
    m2 = scipy17_moment(a, 2)
    m3 = scipy17_moment(a, 3)
    zero = m2 <= (np.finfo(m2.dtype).resolution * a.mean()) ** 2
    return 0.0 if zero else m3 / m2 ** 1.5


def scipy17_kurtosis(a):
    m2 = scipy17_moment(a, 2)
    m4 = scipy17_moment(a, 4)
    zero = m2 <= (np.finfo(m2.dtype).resolution * a.mean()) ** 2
    return (0.0 if zero else m4 / m2 ** 2.0) - 3


def welch_max_hold(fx, fs, nfft, n_overlap):
    n_overlap = int(n_overlap)
    powers = np.zeros(nfft // 2 + 1)
    ix = 0
    while ix <= len(fx):
        # numpy < 2 (Edge Impulse pins 1.21) transforms float32 input in float64; numpy 2 would stay in float32
        out = np.abs(np.fft.rfft(np.asarray(fx[ix:ix + nfft], dtype=np.float64), nfft))
        powers = np.maximum(powers, out ** 2 / nfft)
        ix = ix + (nfft - n_overlap)
    return np.fft.rfftfreq(nfft, 1 / fs), powers


def spec_features(fx, fs, p):
    nfft = p['fft-length']
    features = [np.sqrt(np.mean(np.square(fx))), scipy17_skew(fx), scipy17_kurtosis(fx)]
    freqs, powers = welch_max_hold(fx, fs, nfft, nfft / 2 if p['do-fft-overlap'] else 0)
    features += [scipy17_skew(powers), scipy17_kurtosis(powers)]
    if p['do-log']:
        powers = np.log10(np.where(powers == 0, 1e-10, powers))
    spacing = freqs[1]
    for i in range(1, len(freqs)):
        if p['filter-type'] == 'low' and freqs[i] - spacing / 2 > p['filter-cutoff']:
            break
        if p['filter-type'] == 'high' and freqs[i] + spacing / 2 < p['filter-cutoff']:
            continue
        features.append(powers[i])
    return features


STAGES = {1: [], 3: [3], 10: [10], 30: [3, 10], 100: [10, 10], 1000: [10, 10, 10]}


def spectral(values, axes, fs, p):
    raw = np.asarray(values, dtype=np.float64).reshape(-1, axes)
    ratio = int(p['input-decimation-ratio'])
    sos = None
    if p['filter-type'] != 'none':
        sos = np.float32(design('butter', p['filter-order'], 2 * p['filter-cutoff'] / (fs / ratio), p['filter-type']))
    features, low_features = [], []
    for ax in range(axes):
        fx = np.array(raw[:, ax], dtype='f') * p['scale-axes']
        axis_fs = fs
        for r in STAGES[ratio]:
            fx = decimate_simple(fx, r)
            axis_fs /= r
        if sos is not None:
            fx = sosfilt32(sos, fx) if fx.dtype == np.float32 else sosfilt_state(sos, fx, np.zeros((len(sos), 2)))
        fx = fx - np.mean(fx)
        features += spec_features(fx, axis_fs, p)
        if p['extra-low-freq']:
            fx = decimate_simple(fx, 10)
            fx = fx - np.mean(fx)
            low_features += spec_features(fx, axis_fs / 10, p)
    return [float(v) for v in features + low_features]


def main():
    request = json.load(sys.stdin)
    answer = {
        'design': [design(d['family'], d['order'], d['wn'], d['btype'], d.get('rp')).tolist()
                   for d in request.get('design', [])],
        'sosfilt32': [[float(v) for v in sosfilt32(f['sos'], f['x'])] for f in request.get('sosfilt32', [])],
        'zi': [sosfilt_zi(s).tolist() for s in request.get('zi', [])],
        'mean32': [float(np.mean(np.array(x, dtype=np.float32))) for x in request.get('mean32', [])],
        'spectral': [spectral(r['values'], r['axes'], r['fs'], r['params']) for r in request.get('spectral', [])],
    }
    json.dump(answer, sys.stdout)


if __name__ == '__main__':
    main()
