/// One-dimensional bin packing: item weights into the fewest bins of one capacity.
public enum BinPacking {}
