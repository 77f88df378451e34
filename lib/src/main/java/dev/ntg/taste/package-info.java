/**
 * Stage 04, taste axes and latent embeddings. The axes come from spectral co-clustering of the bipartite
 * user–item graph of TRAIN: the binary matrix normalised by user and item degrees, D_u^{-1/2} A (D_i + τ)^{-1/2}, has as
 * its leading singular vectors the smoothest "who watches what" directions (the normalised-cut relaxation; the small
 * τ = {@code taste.degree_regularization} × mean item degree keeps the long tail of rarely seen items from taking
 * leading directions on large catalogs); the
 * item side of the 2K leading vectors ({@code taste.dims_per_axis}) embeds each item, k-means (Smile) on the unit-length rows finds K clusters,
 * and each cluster is an axis. An item's loadings are its squared positive cosines to the axis centroids,
 * normalised; a user's profile is the mean loading of their items, shrunk toward the population with a prior
 * of {@code taste.smoothing} pseudo-items. Axes are labelled by the genres over-represented among their items
 * and by their most representative titles. The stage reports cohesion on the stage-03 item graph, stability
 * (ARI and matched overlap of bootstrap and early-TRAIN refits) and, on synthetic data, the recovery of the planted
 * genres (NMI on all items and, separately, on items with a clear planted genre). Optional latent factors are a truncated SVD of the log(1 + events) matrix. Eigenproblems go to ARPACK
 * (Lanczos with our seeded start vector) over a sparse operator whose products are parallel yet bit-identical for
 * any thread count; OpenBLAS is pinned to one thread; so reruns give identical bytes.
 */
package dev.ntg.taste;
