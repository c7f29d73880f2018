// The formulas the page typesets, in TeX (only those a view shows: each is in the download). Row-vector or column-vector? The page writes
// the seed's column-vector form, W_hh h_{t-1}; the engine stores Keras's transposes.
export const FORMULAS = {
  simple_rnn: String.raw`h_t = f\left(W_{hh}\,h_{t-1} + W_{xh}\,x_t + b_h\right)`,
  simple_rnn_z: String.raw`z_t = W_{hh}\,h_{t-1} + W_{xh}\,x_t + b_h,\quad h_t = f(z_t)`,
  output: String.raw`y_t = W_{hy}\,h_t + b_y,\quad p_t = \operatorname{softmax}(y_t)`,
  lstm: String.raw`\begin{aligned} i_t &= \sigma(W_i\,x_t + U_i\,h_{t-1} + b_i)\\ f_t &= \sigma(W_f\,x_t + U_f\,h_{t-1} + b_f)\\ g_t &= \tanh(W_c\,x_t + U_c\,h_{t-1} + b_c)\\ o_t &= \sigma(W_o\,x_t + U_o\,h_{t-1} + b_o)\\ c_t &= f_t \odot c_{t-1} + i_t \odot g_t\\ h_t &= o_t \odot \tanh(c_t) \end{aligned}`,
  gru: String.raw`\begin{aligned} z_t &= \sigma(W_z\,x_t + U_z\,h_{t-1} + b_z)\\ r_t &= \sigma(W_r\,x_t + U_r\,h_{t-1} + b_r)\\ \tilde h_t &= \tanh\big(W_h\,x_t + b_h + r_t \odot (U_h\,h_{t-1} + b_{rh})\big)\\ h_t &= z_t \odot h_{t-1} + (1 - z_t) \odot \tilde h_t \end{aligned}`,
  bptt: String.raw`\delta_t = \left(W_{hh}^{\top}\,\delta_{t+1} + W_{hy}^{\top}\,\frac{\partial L_t}{\partial y_t}\right) \odot f{\,}^{\prime}(z_t)`,
  dh: String.raw`\frac{\partial L}{\partial h_t} = W_{hy}^{\top}\frac{\partial L_t}{\partial y_t} + \frac{\partial L}{\partial h_{t+1}}\frac{\partial h_{t+1}}{\partial h_t}`,
  dwhh: String.raw`\frac{\partial L}{\partial W_{hh}} = \sum_{t} \delta_t\, h_{t-1}^{\top}`,
};

// The lesson's own (loaded with the lesson, not with the page).
export const LESSON_FORMULAS = {
  loss: String.raw`L = \frac{1}{T}\sum_{t=1}^{T} -\ln p_t[\text{next}_t], \qquad L_{\text{untrained}} \approx \ln V`,
  rho_k: String.raw`\left\lVert \frac{\partial L}{\partial h_t} \right\rVert \approx \rho^{\,T-t}\,\left\lVert \frac{\partial L}{\partial h_T} \right\rVert`,
  clip_norm: String.raw`g \leftarrow \frac{c}{\lVert g \rVert}\, g \quad \text{if } \lVert g \rVert > c`,
  series: String.raw`\hat x_{t+1} = W_{hy}\,h_t + b_y,\quad L = \frac{1}{NT}\sum (\hat x_{t+1} - x_{t+1})^2`,
};
