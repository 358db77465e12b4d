/// Job-shop scheduling: n jobs, m machines, minimise the makespan.
public enum JobShop {}
