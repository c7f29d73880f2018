//! Eigenvalues and singular values of small square matrices, in f64.
//!
//! The spectral radius ρ(W_hh) = max |λ| decides whether a linear recurrence forgets
//! (ρ < 1) or blows up (ρ > 1); the largest singular value σ_max bounds how much one step
//! can stretch a gradient (Pascanu et al. 2013). They differ when W_hh is not normal.
//!
//! Eigenvalues: reduction to Hessenberg form by elimination, then the Francis double-shift
//! QR iteration (`elmhes` and `hqr` of Numerical Recipes, 2nd ed., §11.5–11.6, after
//! EISPACK). Singular values: one-sided Jacobi rotations (Hestenes 1958), which are
//! accurate to the last digits for the sizes used here.

/// A complex eigenvalue re + i·im.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

impl Complex {
    /// |λ|.
    pub fn abs(self) -> f64 {
        libm::hypot(self.re, self.im)
    }
}

/// The eigenvalues of the row-major n×n matrix `m`, sorted by decreasing modulus.
///
/// Returns `None` if the QR iteration does not converge (it does for every matrix we
/// have met; the limit is 30 iterations per eigenvalue, as in EISPACK).
pub fn eigenvalues(n: usize, m: &[f32]) -> Option<Vec<Complex>> {
    assert_eq!(m.len(), n * n);
    if n == 0 {
        return Some(vec![]);
    }
    // 1-based copy, as the classic algorithm is written.
    let mut a = vec![vec![0.0f64; n + 1]; n + 1];
    for i in 0..n {
        for j in 0..n {
            a[i + 1][j + 1] = m[i * n + j] as f64;
        }
    }
    elmhes(&mut a, n);
    let mut values = hqr(&mut a, n)?;
    crate::linalg::sort_small(&mut values, |x, y| y.abs().total_cmp(&x.abs()).then(y.im.total_cmp(&x.im)).is_lt());
    Some(values)
}

/// ρ = max |λ|.
pub fn spectral_radius(n: usize, m: &[f32]) -> Option<f64> {
    eigenvalues(n, m).map(|v| v.first().map_or(0.0, |l| l.abs()))
}

/// Reduction to upper Hessenberg form by Gaussian elimination with pivoting (a similarity
/// transform, so the eigenvalues are kept). `a` is 1-based.
fn elmhes(a: &mut [Vec<f64>], n: usize) {
    for m in 2..n {
        let mut x = 0.0f64;
        let mut i = m;
        for j in m..=n {
            if a[j][m - 1].abs() > x.abs() {
                x = a[j][m - 1];
                i = j;
            }
        }
        if i != m {
            for j in (m - 1)..=n {
                let t = a[i][j];
                a[i][j] = a[m][j];
                a[m][j] = t;
            }
            for row in a.iter_mut().take(n + 1).skip(1) {
                row.swap(i, m);
            }
        }
        if x != 0.0 {
            for i in (m + 1)..=n {
                let mut y = a[i][m - 1];
                if y != 0.0 {
                    y /= x;
                    a[i][m - 1] = y;
                    for j in m..=n {
                        a[i][j] -= y * a[m][j];
                    }
                    for j in 1..=n {
                        a[j][m] += y * a[j][i];
                    }
                }
            }
        }
    }
}

fn sign(a: f64, b: f64) -> f64 {
    if b >= 0.0 {
        a.abs()
    } else {
        -a.abs()
    }
}

/// Eigenvalues of an upper Hessenberg matrix by the shifted QR iteration. `a` is 1-based
/// and is destroyed.
#[allow(clippy::many_single_char_names)]
fn hqr(a: &mut [Vec<f64>], n: usize) -> Option<Vec<Complex>> {
    let mut wr = vec![0.0; n + 1];
    let mut wi = vec![0.0; n + 1];
    let mut anorm = 0.0;
    for i in 1..=n {
        for j in (i.max(2) - 1)..=n {
            anorm += a[i][j].abs();
        }
    }
    let mut nn = n as isize;
    let mut t = 0.0;
    let (mut p, mut q, mut r): (f64, f64, f64);
    let (mut x, mut y, mut z, mut w): (f64, f64, f64, f64);
    while nn >= 1 {
        let mut its = 0;
        loop {
            let nu = nn as usize;
            let mut l = nu;
            while l >= 2 {
                let mut s = a[l - 1][l - 1].abs() + a[l][l].abs();
                if s == 0.0 {
                    s = anorm;
                }
                if a[l][l - 1].abs() + s == s {
                    a[l][l - 1] = 0.0;
                    break;
                }
                l -= 1;
            }
            x = a[nu][nu];
            if l == nu {
                wr[nu] = x + t;
                wi[nu] = 0.0;
                nn -= 1;
                break;
            }
            y = a[nu - 1][nu - 1];
            w = a[nu][nu - 1] * a[nu - 1][nu];
            if l == nu - 1 {
                p = 0.5 * (y - x);
                q = p * p + w;
                z = q.abs().sqrt();
                x += t;
                if q >= 0.0 {
                    z = p + sign(z, p);
                    wr[nu - 1] = x + z;
                    wr[nu] = x + z;
                    if z != 0.0 {
                        wr[nu] = x - w / z;
                    }
                    wi[nu - 1] = 0.0;
                    wi[nu] = 0.0;
                } else {
                    wr[nu - 1] = x + p;
                    wr[nu] = x + p;
                    wi[nu - 1] = -z;
                    wi[nu] = z;
                }
                nn -= 2;
                break;
            }
            if its == 30 {
                return None;
            }
            if its == 10 || its == 20 {
                // An exceptional shift breaks a cycle.
                t += x;
                for i in 1..=nu {
                    a[i][i] -= x;
                }
                let s = a[nu][nu - 1].abs() + a[nu - 1][nu - 2].abs();
                x = 0.75 * s;
                y = x;
                w = -0.4375 * s * s;
            }
            its += 1;
            let mut m = nu - 2;
            loop {
                z = a[m][m];
                r = x - z;
                let s0 = y - z;
                p = (r * s0 - w) / a[m + 1][m] + a[m][m + 1];
                q = a[m + 1][m + 1] - z - r - s0;
                r = a[m + 2][m + 1];
                let s = p.abs() + q.abs() + r.abs();
                p /= s;
                q /= s;
                r /= s;
                if m == l {
                    break;
                }
                let u = a[m][m - 1].abs() * (q.abs() + r.abs());
                let v = p.abs() * (a[m - 1][m - 1].abs() + z.abs() + a[m + 1][m + 1].abs());
                if u + v == v {
                    break;
                }
                m -= 1;
            }
            for i in (m + 2)..=nu {
                a[i][i - 2] = 0.0;
                if i != m + 2 {
                    a[i][i - 3] = 0.0;
                }
            }
            let mut k = m;
            while k < nu {
                if k != m {
                    p = a[k][k - 1];
                    q = a[k + 1][k - 1];
                    r = 0.0;
                    if k != nu - 1 {
                        r = a[k + 2][k - 1];
                    }
                    x = p.abs() + q.abs() + r.abs();
                    if x != 0.0 {
                        p /= x;
                        q /= x;
                        r /= x;
                    }
                }
                let s = sign((p * p + q * q + r * r).sqrt(), p);
                if s != 0.0 {
                    if k == m {
                        if l != m {
                            a[k][k - 1] = -a[k][k - 1];
                        }
                    } else {
                        a[k][k - 1] = -s * x;
                    }
                    p += s;
                    x = p / s;
                    y = q / s;
                    z = r / s;
                    q /= p;
                    r /= p;
                    for j in k..=nu {
                        p = a[k][j] + q * a[k + 1][j];
                        if k != nu - 1 {
                            p += r * a[k + 2][j];
                            a[k + 2][j] -= p * z;
                        }
                        a[k + 1][j] -= p * y;
                        a[k][j] -= p * x;
                    }
                    let mmin = if nu < k + 3 { nu } else { k + 3 };
                    for i in l..=mmin {
                        p = x * a[i][k] + y * a[i][k + 1];
                        if k != nu - 1 {
                            p += z * a[i][k + 2];
                            a[i][k + 2] -= p * r;
                        }
                        a[i][k + 1] -= p * q;
                        a[i][k] -= p;
                    }
                }
                k += 1;
            }
            if l >= nu - 1 {
                break;
            }
        }
    }
    Some((1..=n).map(|i| Complex { re: wr[i], im: wi[i] }).collect())
}

/// The singular values of the row-major rows×cols matrix `m`, largest first.
///
/// One-sided Jacobi: rotate pairs of columns until all are orthogonal; the singular values
/// are then the column norms.
pub fn singular_values(rows: usize, cols: usize, m: &[f32]) -> Vec<f64> {
    assert_eq!(m.len(), rows * cols);
    // Work on columns of the taller orientation.
    let tall = rows >= cols;
    let (r, c) = if tall { (rows, cols) } else { (cols, rows) };
    // Column j of the tall orientation.
    let column = |j: usize| -> Vec<f64> { (0..r).map(|i| if tall { m[i * cols + j] } else { m[j * cols + i] } as f64).collect() };
    let mut a: Vec<Vec<f64>> = (0..c).map(column).collect();
    for _sweep in 0..60 {
        let mut rotated = false;
        for p in 0..c {
            for q in (p + 1)..c {
                let (alpha, beta, gamma) = a[p].iter().zip(&a[q]).fold((0.0, 0.0, 0.0), |(al, be, ga), (&x, &y)| (al + x * x, be + y * y, ga + x * y));
                if gamma == 0.0 || gamma.abs() <= 1e-15 * (alpha * beta).sqrt() {
                    continue;
                }
                rotated = true;
                let zeta = (beta - alpha) / (2.0 * gamma);
                let t = sign(1.0, zeta) / (zeta.abs() + (1.0 + zeta * zeta).sqrt());
                let cs = 1.0 / (1.0 + t * t).sqrt();
                let sn = cs * t;
                let (left, right) = a.split_at_mut(q);
                for (x, y) in left[p].iter_mut().zip(right[0].iter_mut()) {
                    let (xp, yq) = (*x, *y);
                    *x = cs * xp - sn * yq;
                    *y = sn * xp + cs * yq;
                }
            }
        }
        if !rotated {
            break;
        }
    }
    let mut s: Vec<f64> = a.iter().map(|v| v.iter().map(|x| x * x).sum::<f64>().sqrt()).collect();
    crate::linalg::sort_small(&mut s, |x, y| y.total_cmp(x).is_lt());
    s
}

/// σ_max, the spectral norm ‖W‖₂.
pub fn largest_singular_value(rows: usize, cols: usize, m: &[f32]) -> f64 {
    singular_values(rows, cols, m).first().copied().unwrap_or(0.0)
}

/// ‖M‖₂ by power iteration on MᵀM (`iterations` rounds from a fixed start, so the result
/// is the same every time). Cheaper than all singular values when only σ_max is needed
/// for many matrices; it converges to σ_max at the rate (σ₂/σ₁)², which is fast for the
/// step Jacobians of a network.
pub fn spectral_norm(rows: usize, cols: usize, m: &[f32], iterations: usize) -> f64 {
    assert_eq!(m.len(), rows * cols);
    let mut v: Vec<f64> = (0..cols).map(|j| 1.0 + 0.01 * j as f64).collect();
    let mut mv = vec![0.0f64; rows];
    let mut sigma = 0.0;
    for _ in 0..iterations.max(1) {
        let nv = v.iter().map(|x| x * x).sum::<f64>().sqrt();
        if nv == 0.0 || !nv.is_finite() {
            return if nv.is_finite() { 0.0 } else { f64::INFINITY };
        }
        v.iter_mut().for_each(|x| *x /= nv);
        for (i, out) in mv.iter_mut().enumerate() {
            *out = (0..cols).map(|j| m[i * cols + j] as f64 * v[j]).sum();
        }
        sigma = mv.iter().map(|x| x * x).sum::<f64>().sqrt();
        for (j, x) in v.iter_mut().enumerate() {
            *x = (0..rows).map(|i| m[i * cols + j] as f64 * mv[i]).sum();
        }
    }
    sigma
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// A rotation by 90° has eigenvalues ±i, both of modulus 1, and σ = 1, 1.
    #[test]
    fn rotation_has_imaginary_eigenvalues() {
        let ev = eigenvalues(2, &[0.0, -1.0, 1.0, 0.0]).unwrap();
        assert!(close(ev[0].re, 0.0) && close(ev[0].im.abs(), 1.0));
        assert!(close(ev[0].im, -ev[1].im));
        let s = singular_values(2, 2, &[0.0, -1.0, 1.0, 0.0]);
        assert!(close(s[0], 1.0) && close(s[1], 1.0));
    }

    /// The companion matrix of (λ-1)(λ-2)(λ-3)(λ+4) = λ⁴ - 2λ³ - 13λ² + 38λ - 24 has
    /// exactly those roots.
    #[test]
    fn companion_matrix_roots() {
        #[rustfmt::skip]
        let m = [
            2.0, 13.0, -38.0, 24.0,
            1.0, 0.0, 0.0, 0.0,
            0.0, 1.0, 0.0, 0.0,
            0.0, 0.0, 1.0, 0.0,
        ];
        let ev = eigenvalues(4, &m).unwrap();
        let mut re: Vec<f64> = ev.iter().map(|l| l.re).collect();
        crate::linalg::sort_small(&mut re, |a, b| a.total_cmp(b).is_lt());
        for (got, want) in re.iter().zip([-4.0, 1.0, 2.0, 3.0]) {
            assert!((got - want).abs() < 1e-6, "{re:?}");
        }
        assert!(ev.iter().all(|l| l.im.abs() < 1e-9));
    }

    /// An upper-triangular, non-normal matrix: eigenvalues are the diagonal (ρ = 0.5), but
    /// σ_max is much larger: the gap the spectral view shows.
    #[test]
    fn non_normal_matrix_radius_and_norm_differ() {
        let m = [0.5, 10.0, 0.0, 0.5];
        assert!(close(spectral_radius(2, &m).unwrap(), 0.5));
        // σ_max of [[a, b], [0, a]] = (√(b² + 4a²) + b) / 2
        let want = ((100.0f64 + 1.0).sqrt() + 10.0) / 2.0;
        assert!((largest_singular_value(2, 2, &m) - want).abs() < 1e-9);
    }

    #[test]
    fn power_iteration_finds_the_largest_singular_value() {
        let m = [0.5, 10.0, 0.0, 0.5];
        let want = largest_singular_value(2, 2, &m);
        assert!((spectral_norm(2, 2, &m, 50) - want).abs() < 1e-9 * want);
    }

    #[test]
    fn singular_values_of_a_wide_matrix() {
        // [[3, 0, 0], [0, 0, 4]] has singular values 4 and 3.
        let s = singular_values(2, 3, &[3.0, 0.0, 0.0, 0.0, 0.0, 4.0]);
        assert_eq!(s.len(), 2);
        assert!(close(s[0], 4.0) && close(s[1], 3.0));
    }
}
