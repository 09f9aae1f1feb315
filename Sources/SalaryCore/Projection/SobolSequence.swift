/// Points of the Sobol' sequence in up to 129 dimensions (Sobol' 1967, with Joe and Kuo's
/// direction numbers, ``SobolDirectionNumbers``), plain or randomly scrambled.
///
/// Each coordinate is a 32-bit binary fraction x/2³². In dimension j with direction numbers
/// vⱼ,₁ … vⱼ,₃₂ (vⱼ,ₖ = mⱼ,ₖ/2ᵏ for k ≤ s, then by the recurrence of the primitive polynomial
/// x^s + a₁x^(s−1) + … + a₍ₛ₋₁₎x + 1),
///
/// ```
/// vⱼ,ₖ = aⱼ,₁vⱼ,ₖ₋₁ ⊕ … ⊕ aⱼ,ₛ₋₁vⱼ,ₖ₋ₛ₊₁ ⊕ vⱼ,ₖ₋ₛ ⊕ (vⱼ,ₖ₋ₛ ≫ s)      (k > s)
/// xⱼ(i) = ⊕ over the bits bₖ of i of bₖ·vⱼ,ₖ                               (natural order)
/// ```
///
/// with ⊕ the bitwise exclusive or. ``Generator`` walks the points in Gray-code order,
/// as Joe and Kuo's own `sobol.cc` prints them: point i + 1 is point i ⊕ vⱼ,c with c the
/// number of trailing zeros of i + 1, one exclusive or a coordinate. Every 2ᵐ first points
/// are the same set in either order, and every one-dimensional projection of them has one
/// point in each interval [k/2ᵐ, (k + 1)/2ᵐ).
///
/// **Scrambling.** With a seed, every dimension is randomized by Matoušek's linear matrix
/// scramble and a digital shift ("On the L2-discrepancy for anchored boxes", *Journal of
/// Complexity* 14 (1998)): x ↦ Lx ⊕ e, with L a random lower-triangular binary matrix
/// with ones on its diagonal (each digit of the result is its own digit plus a random
/// combination of the digits before it) and e 32 random bits, both drawn from a
/// ``SeededRandom`` seeded with the seed. Each scrambled point is uniformly distributed on
/// [0, 1)^d, and the stratification above is kept, so that averages over the points are
/// unbiased and, for smooth functions, much closer to the mean than those of independent
/// points. L is applied to the direction numbers once, so a scrambled point costs what a
/// plain one does.
///
///     let plain = SobolSequence(dimensions: 2)
///     plain.integerPoint(1)  // [2³¹, 2³¹]: (½, ½)
///     var points = SobolSequence(dimensions: 3, seed: 42).makeGenerator()
///     var point = [Double](repeating: 0, count: 3)
///     points.next(into: &point)  // three coordinates strictly between 0 and 1
public struct SobolSequence: Sendable {
  /// The most dimensions: van der Corput's and the 128 rows of ``SobolDirectionNumbers``.
  public static let dimensionLimit = 129

  /// The number of coordinates of each point.
  public let dimensions: Int
  /// For dimension j, its 32 direction numbers (scrambled, with a seed) at 32j…32j + 31,
  /// vⱼ,ₖ₊₁ · 2³² at 32j + k.
  private(set) var directions: [UInt32]
  /// Each dimension's digital shift e (0 without a seed).
  private(set) var shifts: [UInt32]

  /// The first `dimensions` dimensions of the sequence, scrambled from `seed` when one is
  /// given.
  ///
  /// - Precondition: `dimensions` is from 1 to ``dimensionLimit``.
  /// - Complexity: O(`dimensions`) without a seed; with one, O(32² × `dimensions`) bit
  ///   operations for the scramble.
  public init(dimensions: Int, seed: UInt64? = nil) {
    if let seed {
      var random = SeededRandom(seed: seed)
      self.init(dimensions: dimensions, scrambling: &random)
    } else {
      self.init(plain: dimensions)
    }
  }

  /// The first `dimensions` dimensions, scrambled with draws from `random`: for each
  /// dimension in turn, 31 draws for the rows of L, then one for the shift.
  ///
  /// - Precondition: `dimensions` is from 1 to ``dimensionLimit``.
  init(dimensions: Int, scrambling random: inout SeededRandom) {
    self.init(plain: dimensions)
    var directions = self.directions
    var shifts = self.shifts
    for j in 0..<dimensions {
      // Row r of L (the digit of weight 2^(31−r) of the result) takes the digits before
      // it, of weights 2^31 … 2^(32−r), at random.
      var rows = [UInt32](repeating: 0, count: 32)
      for r in 1..<32 {
        rows[r] = UInt32(truncatingIfNeeded: random.next() >> 32) & (UInt32.max << (32 - r))
      }
      for k in 0..<32 {
        let v = directions[32 * j + k]
        var scrambled = v
        for r in 1..<32 where (v & rows[r]).nonzeroBitCount & 1 == 1 {
          scrambled ^= 1 << (31 - r)
        }
        directions[32 * j + k] = scrambled
      }
      shifts[j] = UInt32(truncatingIfNeeded: random.next() >> 32)
    }
    self.directions = directions
    self.shifts = shifts
  }

  /// The plain sequence's first `dimensions` dimensions.
  private init(plain dimensions: Int) {
    precondition(
      (1...Self.dimensionLimit).contains(dimensions), "1 to \(Self.dimensionLimit) dimensions")
    self.dimensions = dimensions
    var directions = [UInt32](repeating: 0, count: 32 * dimensions)
    for k in 0..<32 { directions[k] = 1 << (31 - k) }
    var row = 0
    let rows = SobolDirectionNumbers.rows
    for j in 1..<dimensions {
      let degree = Int(rows[row])
      let coefficients = UInt32(rows[row + 1])
      let base = 32 * j
      for k in 0..<32 {
        if k < degree {
          directions[base + k] = UInt32(rows[row + 2 + k]) << (31 - k)
        } else {
          var value = directions[base + k - degree]
          value ^= value >> degree
          for i in 1..<degree where (coefficients >> (degree - 1 - i)) & 1 == 1 {
            value ^= directions[base + k - i]
          }
          directions[base + k] = value
        }
      }
      row += 2 + degree
    }
    self.directions = directions
    self.shifts = [UInt32](repeating: 0, count: dimensions)
  }

  /// Point `index` in natural order, each coordinate x as the integer x·2³².
  ///
  /// - Precondition: `index` is from 0 to 2³² − 1.
  public func integerPoint(_ index: Int) -> [UInt32] {
    precondition(index >= 0 && index < 1 << 32, "a point from 0 to 2³² − 1")
    return (0..<dimensions).map { j in
      var x = shifts[j]
      var bits = index
      var k = 0
      while bits != 0 {
        if bits & 1 == 1 { x ^= directions[32 * j + k] }
        bits >>= 1
        k += 1
      }
      return x
    }
  }

  /// Walks the points in Gray-code order.
  public func makeGenerator() -> Generator { Generator(sequence: self) }

  /// The points one after the other, in Gray-code order, each coordinate as the middle of
  /// its cell of width 2⁻³²: (x·2³² + ½)/2³², strictly between 0 and 1.
  public struct Generator: Sendable {
    let sequence: SobolSequence
    /// The point to give next, as integers.
    var state: [UInt32]
    /// How many points have been given.
    public private(set) var count = 0

    init(sequence: SobolSequence) {
      self.sequence = sequence
      self.state = sequence.shifts
    }

    /// Writes the next point's coordinates to `coordinates[0..<dimensions]`. Allocates
    /// nothing.
    ///
    /// - Precondition: `coordinates` holds at least ``dimensions`` values; fewer than 2³²
    ///   points have been given.
    public mutating func next(into coordinates: inout [Double]) {
      let dimensions = sequence.dimensions
      precondition(coordinates.count >= dimensions, "room for every coordinate")
      precondition(count < Int(UInt32.max), "at most 2³² − 1 points")
      count += 1
      let c = count.trailingZeroBitCount
      sequence.directions.withUnsafeBufferPointer { directions in
        state.withUnsafeMutableBufferPointer { state in
          coordinates.withUnsafeMutableBufferPointer { coordinates in
            for j in 0..<dimensions {
              coordinates[j] = (Double(state[j]) + 0.5) * 0x1p-32
              state[j] ^= directions[32 * j + c]
            }
          }
        }
      }
    }
  }
}
