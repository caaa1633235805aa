//! Principal component analysis: covariance and a cyclic Jacobi eigen-decomposition (the
//! dimensions are small, a few hundred, so no linear algebra crate is needed).

use rayon::prelude::*;

/// A fitted projection: `y = components · (x − mean)`.
pub(crate) struct Pca {
    pub mean: Vec<f64>,
    /// `k` rows of `d` values, unit length, by decreasing variance.
    pub components: Vec<Vec<f64>>,
    /// The fraction of the total variance the kept components explain.
    pub explained: f64,
}

impl Pca {
    /// Fits `k` components to `rows` (each of length `d`). `k` is capped at `d`.
    pub fn fit(rows: &[Vec<f32>], k: usize) -> Pca {
        let d = rows.first().map_or(0, |r| r.len());
        let n = rows.len().max(1) as f64;
        let mut mean = vec![0f64; d];
        for r in rows {
            for (m, &x) in mean.iter_mut().zip(r) {
                *m += x as f64;
            }
        }
        for m in &mut mean {
            *m /= n;
        }
        // Upper triangle of the covariance, summed over row chunks in parallel.
        let cov = rows
            .par_chunks(512)
            .map(|chunk| {
                let mut c = vec![0f64; d * d];
                let mut centred = vec![0f64; d];
                for r in chunk {
                    for ((c, &x), m) in centred.iter_mut().zip(r).zip(&mean) {
                        *c = x as f64 - m;
                    }
                    for i in 0..d {
                        let xi = centred[i];
                        let row = &mut c[i * d..(i + 1) * d];
                        for j in i..d {
                            row[j] += xi * centred[j];
                        }
                    }
                }
                c
            })
            .reduce(
                || vec![0f64; d * d],
                |mut a, b| {
                    for (x, y) in a.iter_mut().zip(b) {
                        *x += y;
                    }
                    a
                },
            );
        let mut a = vec![vec![0f64; d]; d];
        for i in 0..d {
            for j in i..d {
                let v = cov[i * d + j] / n;
                a[i][j] = v;
                a[j][i] = v;
            }
        }
        let (values, vectors) = jacobi(a);
        let mut order: Vec<usize> = (0..d).collect();
        order.sort_by(|&x, &y| values[y].total_cmp(&values[x]));
        let total: f64 = values.iter().map(|v| v.max(0.0)).sum();
        let k = k.min(d);
        let kept: f64 = order[..k].iter().map(|&i| values[i].max(0.0)).sum();
        let components = order[..k]
            .iter()
            .map(|&c| (0..d).map(|r| vectors[r][c]).collect())
            .collect();
        Pca {
            mean,
            components,
            explained: if total > 0.0 { kept / total } else { 0.0 },
        }
    }

    pub fn project(&self, x: &[f32]) -> Vec<f32> {
        self.components
            .iter()
            .map(|c| {
                c.iter()
                    .zip(x)
                    .zip(&self.mean)
                    .map(|((c, &x), m)| c * (x as f64 - m))
                    .sum::<f64>() as f32
            })
            .collect()
    }
}

/// Eigenvalues and eigenvectors (as columns of the second result) of a symmetric matrix, by
/// cyclic Jacobi rotations until the off-diagonal mass is negligible.
fn jacobi(mut a: Vec<Vec<f64>>) -> (Vec<f64>, Vec<Vec<f64>>) {
    let n = a.len();
    let mut v = vec![vec![0f64; n]; n];
    for (i, row) in v.iter_mut().enumerate() {
        row[i] = 1.0;
    }
    let diag_mass: f64 = (0..n).map(|i| a[i][i] * a[i][i]).sum::<f64>().max(1e-300);
    for _sweep in 0..60 {
        let off: f64 = (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .map(|(i, j)| a[i][j] * a[i][j])
            .sum();
        if off <= 1e-22 * diag_mass {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                let apq = a[p][q];
                if apq.abs() < 1e-300 {
                    continue;
                }
                let theta = (a[q][q] - a[p][p]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for row in a.iter_mut() {
                    let (akp, akq) = (row[p], row[q]);
                    row[p] = c * akp - s * akq;
                    row[q] = s * akp + c * akq;
                }
                let (low, high) = a.split_at_mut(q);
                for (apk, aqk) in low[p].iter_mut().zip(high[0].iter_mut()) {
                    let (x, y) = (*apk, *aqk);
                    *apk = c * x - s * y;
                    *aqk = s * x + c * y;
                }
                for row in v.iter_mut() {
                    let vkp = row[p];
                    let vkq = row[q];
                    row[p] = c * vkp - s * vkq;
                    row[q] = s * vkp + c * vkq;
                }
            }
        }
    }
    ((0..n).map(|i| a[i][i]).collect(), v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_direction_of_largest_variance() {
        // Points spread along (1, 1, 0) with a little noise along (1, -1, 0).
        let rows: Vec<Vec<f32>> = (0..200)
            .map(|i| {
                let t = (i as f32 - 100.0) / 10.0;
                let e = if i % 2 == 0 { 0.1 } else { -0.1 };
                vec![t + e + 5.0, t - e - 2.0, 1.0]
            })
            .collect();
        let pca = Pca::fit(&rows, 2);
        let c = &pca.components[0];
        let r = std::f64::consts::FRAC_1_SQRT_2;
        assert!(
            (c[0].abs() - r).abs() < 1e-3 && (c[1].abs() - r).abs() < 1e-3,
            "{c:?}"
        );
        assert!(c[2].abs() < 1e-9);
        assert!(pca.explained > 0.999);
        // Projection of the mean is zero.
        let mean: Vec<f32> = pca.mean.iter().map(|&m| m as f32).collect();
        let p = pca.project(&mean);
        assert!(p.iter().all(|x| x.abs() < 1e-4));
    }

    #[test]
    fn jacobi_diagonalises() {
        let a = vec![
            vec![4.0, 1.0, 2.0],
            vec![1.0, 3.0, 0.5],
            vec![2.0, 0.5, 1.0],
        ];
        let (vals, vecs) = jacobi(a.clone());
        for (c, &lambda) in vals.iter().enumerate() {
            for r in 0..3 {
                let av: f64 = (0..3).map(|k| a[r][k] * vecs[k][c]).sum();
                assert!((av - lambda * vecs[r][c]).abs() < 1e-9);
            }
        }
    }
}
