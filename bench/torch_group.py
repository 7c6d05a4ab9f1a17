#!/usr/bin/env python3
"""PyTorch peer of `npm run bench`: model-steps/s of K AXNet models on the CPU, trained
(a) one after another ("sequential": K models, K Adams, each model its S steps in turn, as
    src/ml/group/sequential.ts does) and
(b) as one batched program ("batched": every weight has a leading model axis, matmuls are torch.bmm,
    one Adam over all K; Adam is element-wise, so this is K independent Adams).

The step is the lab's AXNet step (src/ml/trainer.ts, src/ml/axnet.ts), per model:
  predictor   h = ReLU(x W_p1 + b_p1) (one layer per --predictor-hidden width), o = h W_po + b_po,
              o split into c(1) [L_1], c(2) [L_2], …, and 2 logits z                      (eq. 3)
  approximator a(1) = x; a(i+1) = ReLU(a(i) W(i) + b(i)) ⊙ c(i); H = a W_out + b_out       (eq. 4)
  p_label = [max_j |H_j(x) − y_j| < bound], recomputed every batch without gradient        (eq. 1)
  J = mean (H − y)² + mean softmax-CE(z, p_label)                                           (eq. 2)
  one Adam step (β 0.9 / 0.999, ε 1e-8) on J;
  with --lone also a lone approximator (same widths, no ⊙c) on the same batch, L = MSE, added to J.
Batches: 128 rows drawn with replacement from the model's own 8192-row training set, inside the
timed step (the lab draws its batches inside train() too). Data: Bessel J_ν(x), ν, x ~ U[0, 1],
by its power series (src/core/targets/bessel.ts); each model has its own seed for data and weights.
Init: kernels N(0, 0.1), biases 0.1 (src/ml/axnet.ts).

Timing: wall clock over a fixed number of steps after a warm-up; steps are picked from a short
calibration so that a cell takes about --cell-ms. Sequential cells time S steps of every one of the K
models (S small for large K: fewer steps, scaled to model-steps/s). Prints one JSON object on stdout.

Usage: torch_group.py [--sizes 1,8,64,256] [--modes sequential,batched] [--threads 1] [--cell-ms 1500]
                      [--approximator-hidden 4,4] [--predictor-hidden 4] [--batch 128] [--lr 0.01]
                      [--bound 0.015] [--train-size 8192] [--lone]
  --threads 0 leaves PyTorch's default (all cores).
"""
import argparse
import json
import math
import os
import sys
import time

import torch

INIT_KERNEL_STDDEV = 0.1
INIT_BIAS = 0.1
ADAM = dict(betas=(0.9, 0.999), eps=1e-8)


def ints(text):
    return [int(v) for v in text.split(",") if v.strip()]


def bessel_j(nu, x, terms=30):
    """J_ν(x) = Σ_k (−1)^k (x/2)^(2k+ν) / (k! Γ(k+ν+1)), float64; ~12 terms suffice for x ≤ 1."""
    half = x / 2
    term = torch.pow(half, nu) / torch.exp(torch.lgamma(nu + 1))
    total = term.clone()
    quarter_square = half * half
    for k in range(terms):
        term = -term * quarter_square / ((k + 1) * (k + nu + 1))
        total = total + term
    return total


def make_dataset(seed, n):
    g = torch.Generator().manual_seed(seed)
    x = torch.rand(n, 2, generator=g, dtype=torch.float64)
    y = bessel_j(x[:, 0], x[:, 1]).unsqueeze(1)
    return x.float(), y.float()


def dense_shapes(widths):
    return list(zip(widths[:-1], widths[1:]))


def init_layers(models, widths, g):
    """[(W [models, fan_in, fan_out], b [models, 1, fan_out])] as leaf tensors with grad."""
    layers = []
    for fan_in, fan_out in dense_shapes(widths):
        w = (torch.randn(models, fan_in, fan_out, generator=g) * INIT_KERNEL_STDDEV).requires_grad_()
        b = torch.full((models, 1, fan_out), INIT_BIAS).requires_grad_()
        layers.append((w, b))
    return layers


class AxnetGroup:
    """`models` AXNets with a leading model axis: x [models, batch, in] → H, logits."""

    def __init__(self, models, seeds, args):
        self.models = models
        self.args = args
        g = torch.Generator().manual_seed(seeds[0])
        hidden = args.approximator_hidden
        self.approximator = init_layers(models, [2, *hidden, 1], g)
        self.predictor = init_layers(models, [2, *args.predictor_hidden, sum(hidden) + 2], g)
        self.lone = init_layers(models, [2, *hidden, 1], g) if args.lone else []
        data = [make_dataset(seed, args.train_size) for seed in seeds]
        self.train_x = torch.stack([d[0] for d in data])  # [models, n, 2]
        self.train_y = torch.stack([d[1] for d in data])  # [models, n, 1]
        self.batch_generator = torch.Generator().manual_seed(seeds[0] + 7919)
        params = [t for layer in self.approximator + self.predictor + self.lone for t in layer]
        self.optimizer = torch.optim.Adam(params, lr=args.lr, **ADAM)

    def draw_batch(self):
        index = torch.randint(0, self.args.train_size, (self.models, self.args.batch, 1), generator=self.batch_generator)
        return torch.gather(self.train_x, 1, index.expand(-1, -1, 2)), torch.gather(self.train_y, 1, index)

    @staticmethod
    def dense(layer, a):
        w, b = layer
        return torch.baddbmm(b, a, w)

    def step(self):
        x, y = self.draw_batch()
        h = x
        for layer in self.predictor[:-1]:
            h = torch.relu(self.dense(layer, h))
        out = self.dense(self.predictor[-1], h)
        a, offset = x, 0
        for layer, width in zip(self.approximator[:-1], self.args.approximator_hidden):
            a = torch.relu(self.dense(layer, a)) * out[:, :, offset : offset + width]  # a(i+1) = ReLU(W a + b) ⊙ c(i)
            offset += width
        output = self.dense(self.approximator[-1], a)
        logits = out[:, :, offset : offset + 2]
        with torch.no_grad():
            safe = ((output - y).abs().amax(dim=2) < self.args.bound).long()  # p_label (eq. 1), 1 = safe
        mse = ((output - y) ** 2).mean(dim=(1, 2))  # per model
        ce = torch.nn.functional.cross_entropy(logits.reshape(-1, 2), safe.reshape(-1), reduction="none").view(self.models, -1).mean(dim=1)
        loss = (mse + ce).sum()  # Σ over models: each model's gradient is its own J's
        if self.lone:
            lone = x
            for layer in self.lone[:-1]:
                lone = torch.relu(self.dense(layer, lone))
            loss = loss + ((self.dense(self.lone[-1], lone) - y) ** 2).mean(dim=(1, 2)).sum()
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        self.optimizer.step()


def time_steps(fn, steps):
    start = time.perf_counter()
    for _ in range(steps):
        fn()
    return time.perf_counter() - start


def measure_batched(k, args):
    group = AxnetGroup(k, list(range(1, k + 1)), args)
    time_steps(group.step, 10)  # warm-up
    rate = 5 / max(time_steps(group.step, 5), 1e-9)  # group steps/s, calibration
    steps = max(5, round(rate * args.cell_ms / 1000))
    seconds = time_steps(group.step, steps)
    return {"mode": "batched", "K": k, "steps": steps, "modelSteps": k * steps, "ms": seconds * 1000, "modelStepsPerSecond": k * steps / seconds}


def measure_sequential(k, args):
    groups = [AxnetGroup(1, [seed], args) for seed in range(1, k + 1)]
    for group in groups:
        time_steps(group.step, 3)  # warm-up of every model
    rate = 10 / max(time_steps(groups[0].step, 10), 1e-9)  # steps/s of one model, calibration
    steps = max(2, round(rate * args.cell_ms / 1000 / k))  # S steps per model
    seconds = sum(time_steps(group.step, steps) for group in groups)
    return {"mode": "sequential", "K": k, "steps": steps, "modelSteps": k * steps, "ms": seconds * 1000, "modelStepsPerSecond": k * steps / seconds}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=ints, default=[1, 8, 64, 256])
    parser.add_argument("--modes", default="sequential,batched")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--cell-ms", type=float, default=1500)
    parser.add_argument("--approximator-hidden", type=ints, default=[4, 4])
    parser.add_argument("--predictor-hidden", type=ints, default=[4])
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument("--bound", type=float, default=0.015)
    parser.add_argument("--train-size", type=int, default=8192)
    parser.add_argument("--lone", action="store_true")
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    cells = []
    # Modes side by side per K, so that the two cells of one ratio are measured close in time (shared machines drift).
    for k in args.sizes:
        for mode in args.modes.split(","):
            cell = {"sequential": measure_sequential, "batched": measure_batched}[mode](k, args)
            cells.append(cell)
            print(f"torch_group: {mode} K={k} threads={torch.get_num_threads()}: {cell['modelStepsPerSecond']:.0f} model-steps/s", file=sys.stderr)
    print(
        json.dumps(
            {
                "torch": torch.__version__,
                "threads": torch.get_num_threads(),
                "nproc": os.cpu_count(),
                "approximator": [2, *args.approximator_hidden, 1],
                "predictor": [2, *args.predictor_hidden, sum(args.approximator_hidden) + 2],
                "batch": args.batch,
                "lone": args.lone,
                "cells": cells,
            }
        )
    )


if __name__ == "__main__":
    main()
