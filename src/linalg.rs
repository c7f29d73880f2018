//! The matrix products the network is made of, on row-major `f32` slices.
//!
//! Why our own kernel and not ndarray's `dot`: every output element here is summed in the
//! same order (over the shared index, first to last, then added to C) whatever the SIMD
//! width, the tile or the platform, because SIMD lanes only ever run across *output
//! columns*. Rust does not fuse multiply-adds on its own, so the command line and the
//! browser compute bit-identical numbers from the same seed. ndarray's backend
//! (matrixmultiply) picks a kernel at run time (FMA on some CPUs), which breaks that.
//! `benches/gemm.rs` measures both on the shapes of our models.
//!
//! The tile is 4 rows by NR = 8 columns: eight 4-lane accumulators, which fit the sixteen
//! vector registers of SSE2 and of wasm `simd128` with room for the loads. (Compiling the
//! same code for AVX2 with NR = 16 and picking it at run time was tried: 50-80% slower on
//! the benchmark machine, so it is not here.)

const MR: usize = 4;

/// A read-only matrix view: element (i, p) is `data[i * row_stride + p * col_stride]`.
///
/// Both strides are free, so the same kernel computes A·B and Aᵀ·B.
#[derive(Clone, Copy)]
pub struct View<'a> {
    pub data: &'a [f32],
    pub row_stride: usize,
    pub col_stride: usize,
}

impl<'a> View<'a> {
    /// A row-major matrix with `ld` floats between row starts.
    pub fn rows(data: &'a [f32], ld: usize) -> Self {
        View { data, row_stride: ld, col_stride: 1 }
    }

    /// The transpose of a row-major matrix with leading dimension `ld`.
    pub fn transposed(data: &'a [f32], ld: usize) -> Self {
        View { data, row_stride: 1, col_stride: ld }
    }

    #[inline(always)]
    fn at(&self, i: usize, p: usize) -> f32 {
        self.data[i * self.row_stride + p * self.col_stride]
    }
}

/// C[m×n] += A[m×k] · B[k×n].
///
/// `b` and `c` are row-major with leading dimensions `ldb` and `ldc`; `a` is any [`View`].
/// For every element, c_ij ← c_ij + (Σ_p a_ip b_pj) with the sum taken in order p = 0..k.
#[allow(clippy::too_many_arguments)]
pub fn gemm_acc(m: usize, n: usize, k: usize, a: View, b: &[f32], ldb: usize, c: &mut [f32], ldc: usize) {
    if m == 0 || n == 0 || k == 0 {
        return;
    }
    assert!(b.len() >= (k - 1) * ldb + n, "gemm: B is too short");
    assert!(c.len() >= (m - 1) * ldc + n, "gemm: C is too short");
    assert!(a.data.len() > (m - 1) * a.row_stride + (k - 1) * a.col_stride, "gemm: A is too short");
    #[cfg(feature = "gemm-compare")]
    if compare::USE_NDARRAY.load(std::sync::atomic::Ordering::Relaxed) {
        return compare::ndarray_gemm(m, n, k, a, b, ldb, c, ldc);
    }
    gemm_tiles::<8>(m, n, k, a, b, ldb, c, ldc);
}

/// For the benchmark only (feature `gemm-compare`): the same products done by ndarray, to
/// time whole training steps with either kernel.
#[cfg(feature = "gemm-compare")]
pub mod compare {
    use std::sync::atomic::AtomicBool;

    use ndarray::{ArrayView2, ArrayViewMut2, ShapeBuilder};

    use super::View;

    /// When set, [`super::gemm_acc`] hands every product to ndarray.
    pub static USE_NDARRAY: AtomicBool = AtomicBool::new(false);

    #[allow(clippy::too_many_arguments)]
    pub(super) fn ndarray_gemm(m: usize, n: usize, k: usize, a: View, b: &[f32], ldb: usize, c: &mut [f32], ldc: usize) {
        let a_len = (m - 1) * a.row_stride + (k - 1) * a.col_stride + 1;
        let av = ArrayView2::from_shape((m, k).strides((a.row_stride, a.col_stride)), &a.data[..a_len]).expect("A fits");
        let bv = ArrayView2::from_shape((k, n).strides((ldb, 1)), &b[..(k - 1) * ldb + n]).expect("B fits");
        let mut cv = ArrayViewMut2::from_shape((m, n).strides((ldc, 1)), &mut c[..(m - 1) * ldc + n]).expect("C fits");
        ndarray::linalg::general_mat_mul(1.0, &av, &bv, 1.0, &mut cv);
    }
}

#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn gemm_tiles<const NR: usize>(m: usize, n: usize, k: usize, a: View, b: &[f32], ldb: usize, c: &mut [f32], ldc: usize) {
    // Column strips outside, row tiles inside: a k×NR strip of B stays in cache while
    // every row tile of A passes over it. (Copying the operands into packed panels first,
    // as matrixmultiply does, was tried and measured slower on these shapes.)
    let mut j0 = 0;
    while j0 < n {
        let nr = NR.min(n - j0);
        let mut i0 = 0;
        while i0 < m {
            let mr = MR.min(m - i0);
            if mr == MR && nr == NR {
                tile_full::<NR>(k, a, i0, b, ldb, j0, c, ldc);
            } else {
                tile_edge::<NR>(mr, nr, k, a, i0, b, ldb, j0, c, ldc);
            }
            i0 += MR;
        }
        j0 += NR;
    }
}

/// One full MR×NR tile, the hot loop: LLVM turns the `[f32; NR]` rows into vectors.
///
/// The MR values of A used at each p are read from contiguous memory in both layouts
/// (row slices for A, a run of one row for Aᵀ), so the loop has no strided loads and its
/// bounds checks are hoisted.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn tile_full<const NR: usize>(k: usize, a: View, i0: usize, b: &[f32], ldb: usize, j0: usize, c: &mut [f32], ldc: usize) {
    let mut acc = [[0f32; NR]; MR];
    if a.col_stride == 1 {
        let rows: [&[f32]; MR] = std::array::from_fn(|r| &a.data[(i0 + r) * a.row_stride..(i0 + r) * a.row_stride + k]);
        for p in 0..k {
            let start = p * ldb + j0;
            let brow: &[f32; NR] = b[start..start + NR].try_into().unwrap();
            for r in 0..MR {
                let av = rows[r][p];
                for j in 0..NR {
                    acc[r][j] += av * brow[j];
                }
            }
        }
    } else if a.row_stride == 1 {
        for p in 0..k {
            let start = p * ldb + j0;
            let brow: &[f32; NR] = b[start..start + NR].try_into().unwrap();
            let a_start = p * a.col_stride + i0;
            let acol: &[f32; MR] = a.data[a_start..a_start + MR].try_into().unwrap();
            for r in 0..MR {
                let av = acol[r];
                for j in 0..NR {
                    acc[r][j] += av * brow[j];
                }
            }
        }
    } else {
        for p in 0..k {
            let start = p * ldb + j0;
            let brow: &[f32; NR] = b[start..start + NR].try_into().unwrap();
            for (r, acc_row) in acc.iter_mut().enumerate() {
                let av = a.at(i0 + r, p);
                for j in 0..NR {
                    acc_row[j] += av * brow[j];
                }
            }
        }
    }
    for (r, acc_row) in acc.iter().enumerate() {
        let start = (i0 + r) * ldc + j0;
        let crow: &mut [f32; NR] = (&mut c[start..start + NR]).try_into().unwrap();
        for j in 0..NR {
            crow[j] += acc_row[j];
        }
    }
}

/// A partial tile at the right or bottom edge, summed in the same order as [`tile_full`].
#[allow(clippy::too_many_arguments)]
fn tile_edge<const NR: usize>(mr: usize, nr: usize, k: usize, a: View, i0: usize, b: &[f32], ldb: usize, j0: usize, c: &mut [f32], ldc: usize) {
    let mut acc = [[0f32; NR]; MR];
    for p in 0..k {
        let brow = &b[p * ldb + j0..p * ldb + j0 + nr];
        for (r, acc_row) in acc.iter_mut().enumerate().take(mr) {
            let av = a.at(i0 + r, p);
            for (slot, bv) in acc_row.iter_mut().zip(brow) {
                *slot += av * bv;
            }
        }
    }
    for (r, acc_row) in acc.iter().enumerate().take(mr) {
        let crow = &mut c[(i0 + r) * ldc + j0..(i0 + r) * ldc + j0 + nr];
        for (cv, av) in crow.iter_mut().zip(acc_row) {
            *cv += av;
        }
    }
}

/// `dst[cols×rows] = srcᵀ` for a row-major `src[rows×cols]`.
pub fn transpose(rows: usize, cols: usize, src: &[f32], dst: &mut [f32]) {
    assert_eq!(src.len(), rows * cols);
    assert_eq!(dst.len(), rows * cols);
    for i in 0..rows {
        for j in 0..cols {
            dst[j * rows + i] = src[i * cols + j];
        }
    }
}

/// `sums[j] += Σ_i m[i][j]` over the rows of a row-major matrix (bias gradients).
pub fn add_column_sums(rows: usize, cols: usize, m: &[f32], sums: &mut [f32]) {
    assert_eq!(sums.len(), cols);
    for row in m[..rows * cols].chunks_exact(cols) {
        for (s, v) in sums.iter_mut().zip(row) {
            *s += v;
        }
    }
}

/// Euclidean norm, summed in order in f64 (so it is the same everywhere and exact enough
/// for norms of ten thousand numbers).
pub fn norm(v: &[f32]) -> f64 {
    v.iter().map(|&x| x as f64 * x as f64).sum::<f64>().sqrt()
}

#[cfg(test)]
mod sort_tests {
    use super::sort_small;

    #[test]
    fn sorts_and_keeps_equal_items_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_small(&mut v, |a, b| a.0 < b.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;

    #[allow(clippy::too_many_arguments)]
    fn naive(m: usize, n: usize, k: usize, a: View, b: &[f32], ldb: usize, c: &mut [f32], ldc: usize) {
        for i in 0..m {
            for j in 0..n {
                let mut s = 0f32;
                for p in 0..k {
                    s += a.at(i, p) * b[p * ldb + j];
                }
                c[i * ldc + j] += s;
            }
        }
    }

    fn random(n: usize, rng: &mut Rng) -> Vec<f32> {
        (0..n).map(|_| rng.uniform(-1.0, 1.0)).collect()
    }

    #[test]
    fn matches_the_textbook_triple_loop_bit_for_bit_on_odd_shapes() {
        let mut rng = Rng::new(11);
        for &(m, n, k) in &[(1, 1, 1), (3, 5, 7), (4, 8, 2), (9, 17, 13), (32, 50, 50), (5, 200, 50), (33, 64, 1)] {
            let a = random(m * k, &mut rng);
            let b = random(k * n, &mut rng);
            let c0 = random(m * n, &mut rng);
            let mut fast = c0.clone();
            let mut slow = c0.clone();
            gemm_acc(m, n, k, View::rows(&a, k), &b, n, &mut fast, n);
            naive(m, n, k, View::rows(&a, k), &b, n, &mut slow, n);
            assert_eq!(fast, slow, "shape {m}x{n}x{k}");
        }
    }

    #[test]
    fn deep_transposed_products_match_the_triple_loop_bit_for_bit() {
        let mut rng = Rng::new(12);
        for &(m, n, k) in &[(7, 9, 64), (32, 50, 300), (50, 50, 1600)] {
            let a = random(k * m, &mut rng); // stored k×m, read as its transpose
            let b = random(k * n, &mut rng);
            let mut fast = vec![0.5; m * n];
            let mut slow = fast.clone();
            gemm_acc(m, n, k, View::transposed(&a, m), &b, n, &mut fast, n);
            naive(m, n, k, View::transposed(&a, m), &b, n, &mut slow, n);
            assert_eq!(fast, slow, "shape {m}x{n}x{k}");
        }
    }

    #[test]
    fn transposed_view_computes_a_transpose_times_b() {
        // A = [[1, 2], [3, 4], [5, 6]] (3×2), B = [[1], [1], [1]] (3×1): Aᵀ·B = [9, 12].
        let a = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        let b = [1.0, 1.0, 1.0];
        let mut c = [0.0, 0.0];
        gemm_acc(2, 1, 3, View::transposed(&a, 2), &b, 1, &mut c, 1);
        assert_eq!(c, [9.0, 12.0]);
    }

    #[test]
    fn sub_matrices_through_leading_dimensions() {
        // Multiply by the last two columns of a 2×3 B only.
        let a = [1.0, 2.0]; // 1×2
        let b = [1.0, 10.0, 100.0, 2.0, 20.0, 200.0];
        let mut c = [0.0, 0.0];
        gemm_acc(1, 2, 2, View::rows(&a, 2), &b[1..], 3, &mut c, 2);
        assert_eq!(c, [50.0, 500.0]);
    }

    #[test]
    fn transpose_and_column_sums() {
        let m = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        let mut t = [0.0; 6];
        transpose(2, 3, &m, &mut t);
        assert_eq!(t, [1.0, 4.0, 2.0, 5.0, 3.0, 6.0]);
        let mut s = [0.0; 3];
        add_column_sums(2, 3, &m, &mut s);
        assert_eq!(s, [5.0, 7.0, 9.0]);
        assert!((norm(&[3.0, 4.0]) - 5.0).abs() < 1e-12);
    }
}

/// Sorts `v` in place by `less`, keeping equal items in order (insertion sort). The sorts
/// of this crate are of small or nearly sorted lists (eigenvalues, a chart's x values), so
/// this is fast enough, and in WebAssembly it is a few hundred bytes where each use of the
/// standard library's sort adds several kilobytes.
pub fn sort_small<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}
