/*
 * Tests of the interrupts of PCI devices (suite "pci_msi",
 * drivers/pci/msi.c) on the machine's edu devices, each taken from its
 * driver for the case and given back after: pci_alloc_irq_vectors()
 * picks MSI unless the kernel was booted with pci=nomsi (one test
 * configuration is), then INTx; the MSI capability holds the message
 * irq_compose_msi_msg() makes and INTx is disabled while MSI is on; an
 * interrupt the device raises (its register 0x60) reaches the handler
 * by whichever path was chosen; pci_free_irq_vectors() puts INTx back;
 * bad counts, a second allocation and kinds the device lacks are
 * refused; on a virtio device, the MSI-X table is programmed.  Waiting for an interrupt is bounded (a lost one fails the
 * case instead of hanging it), never measured.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/msi.h>
#include <linux/pci.h>

#include "pci.h"

#define EDU_VENDOR	0x1234
#define EDU_DEVICE	0x11e8
#define EDU_IRQ_STATUS	0x24
#define EDU_IRQ_RAISE	0x60
#define EDU_IRQ_ACK	0x64
#define TEST_IRQ_BIT	0x4000		/* a status bit no operation uses */
#define IRQ_WAIT	(5 * HZ)	/* a bound, not a measurement */

struct msi_case {
	struct pci_dev *pdev;
	void __iomem *mmio;
	struct completion done;
	u32 status;			/* what the handler acknowledged */
};

static irqreturn_t test_handler(int irq, void *dev_id)
{
	struct msi_case *c = dev_id;
	u32 status = ioread32(c->mmio + EDU_IRQ_STATUS);

	if (!status)
		return IRQ_NONE;	/* another device on a shared line */
	iowrite32(status, c->mmio + EDU_IRQ_ACK);
	c->status |= status;
	complete(&c->done);
	return IRQ_HANDLED;
}

/* The first edu device, unbound from its driver and enabled; or skip. */
static void msi_case_start(struct kunit *test, struct msi_case *c)
{
	c->pdev = pci_get_device(EDU_VENDOR, EDU_DEVICE, NULL);
	if (!c->pdev)
		kunit_skip(test, "no edu device");
	pci_device_release_driver(c->pdev);
	KUNIT_ASSERT_EQ(test, pci_enable_device(c->pdev), 0);
	c->mmio = pci_iomap(c->pdev, 0, 0);
	KUNIT_ASSERT_NOT_NULL(test, c->mmio);
	init_completion(&c->done);
	c->status = 0;
}

static void msi_case_end(struct msi_case *c)
{
	pci_iounmap(c->pdev, c->mmio);
	pci_disable_device(c->pdev);
	pci_device_attach(c->pdev);	/* back to its driver */
	pci_dev_put(c->pdev);
}

static u16 config_word(struct pci_dev *dev, int where)
{
	u16 v;

	pci_read_config_word(dev, where, &v);
	return v;
}

static u32 config_dword(struct pci_dev *dev, int where)
{
	u32 v;

	pci_read_config_dword(dev, where, &v);
	return v;
}

/* The device raises an interrupt; the handler sees it through irq. */
static void raise_and_wait(struct kunit *test, struct msi_case *c, int irq)
{
	KUNIT_ASSERT_EQ(test, request_irq(irq, test_handler, IRQF_SHARED,
					  "kunit-msi", c), 0);
	iowrite32(TEST_IRQ_BIT, c->mmio + EDU_IRQ_RAISE);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&c->done, IRQ_WAIT), 0ul);
	KUNIT_EXPECT_EQ(test, c->status & TEST_IRQ_BIT, (u32)TEST_IRQ_BIT);
	KUNIT_EXPECT_EQ(test, ioread32(c->mmio + EDU_IRQ_STATUS), 0u);
	KUNIT_EXPECT_PTR_EQ(test, free_irq(irq, c), (const void *)"kunit-msi");
}

static void pci_msi_or_intx_delivers(struct kunit *test)
{
	struct msi_case c;
	int n, irq;

	msi_case_start(test, &c);
	KUNIT_EXPECT_NE(test, c.pdev->msi_cap, 0);
	n = pci_alloc_irq_vectors(c.pdev, 1, 1, PCI_IRQ_MSI | PCI_IRQ_LEGACY);
	KUNIT_ASSERT_EQ(test, n, 1);
	irq = pci_irq_vector(c.pdev, 0);
	KUNIT_EXPECT_EQ(test, (bool)c.pdev->msi_enabled, pci_msi_enabled());
	if (c.pdev->msi_enabled)	/* an irq of its own, line kept */
		KUNIT_EXPECT_NE(test, irq, (int)c.pdev->intx_irq);
	else				/* the line the firmware chose */
		KUNIT_EXPECT_EQ(test, irq, (int)c.pdev->irq);
	KUNIT_EXPECT_EQ(test, !!(config_word(c.pdev, PCI_COMMAND) &
				 PCI_COMMAND_INTX_DISABLE),
			(bool)c.pdev->msi_enabled);
	pci_set_master(c.pdev);		/* an MSI is a memory write */
	raise_and_wait(test, &c, irq);
	pci_clear_master(c.pdev);
	pci_free_irq_vectors(c.pdev);
	KUNIT_EXPECT_FALSE(test, c.pdev->msi_enabled);
	KUNIT_EXPECT_EQ(test, config_word(c.pdev, c.pdev->msi_cap + PCI_MSI_FLAGS) &
			      PCI_MSI_FLAGS_ENABLE, 0);
	KUNIT_EXPECT_EQ(test, config_word(c.pdev, PCI_COMMAND) &
			      PCI_COMMAND_INTX_DISABLE, 0);
	msi_case_end(&c);
}

/* INTx asked for alone works everywhere, MSI alone only without nomsi. */
static void pci_intx_and_msi_alone(struct kunit *test)
{
	struct msi_case c;
	int n;

	msi_case_start(test, &c);
	KUNIT_ASSERT_EQ(test, pci_alloc_irq_vectors(c.pdev, 1, 1, PCI_IRQ_LEGACY), 1);
	KUNIT_EXPECT_FALSE(test, c.pdev->msi_enabled);
	raise_and_wait(test, &c, pci_irq_vector(c.pdev, 0));
	pci_free_irq_vectors(c.pdev);

	n = pci_alloc_irq_vectors(c.pdev, 1, 1, PCI_IRQ_MSI);
	KUNIT_EXPECT_EQ(test, n, pci_msi_enabled() ? 1 : -ENOSPC);
	if (n == 1)
		pci_free_irq_vectors(c.pdev);
	msi_case_end(&c);
}

/* The capability holds the local APIC message for the irq's vector. */
static void pci_msi_message_programmed(struct kunit *test)
{
	struct msi_case c;
	struct msi_msg msg;
	unsigned int cap;
	bool is64;

	if (!pci_msi_enabled())
		kunit_skip(test, "pci=nomsi");
	msi_case_start(test, &c);
	KUNIT_ASSERT_EQ(test, pci_alloc_irq_vectors(c.pdev, 1, 1, PCI_IRQ_MSI), 1);
	KUNIT_ASSERT_EQ(test, irq_compose_msi_msg(pci_irq_vector(c.pdev, 0), &msg), 0);
	cap = c.pdev->msi_cap;
	is64 = config_word(c.pdev, cap + PCI_MSI_FLAGS) & PCI_MSI_FLAGS_64BIT;
	KUNIT_EXPECT_EQ(test, config_dword(c.pdev, cap + PCI_MSI_ADDRESS_LO),
			msg.address_lo);
	KUNIT_EXPECT_EQ(test, msg.address_lo & 0xfff00000u, 0xfee00000u);
	KUNIT_EXPECT_EQ(test, config_word(c.pdev, cap + (is64 ? PCI_MSI_DATA_64 :
							   PCI_MSI_DATA_32)),
			(u16)msg.data);
	KUNIT_EXPECT_EQ(test, config_word(c.pdev, cap + PCI_MSI_FLAGS) &
			      (PCI_MSI_FLAGS_ENABLE | PCI_MSI_FLAGS_QSIZE),
			PCI_MSI_FLAGS_ENABLE);
	pci_free_irq_vectors(c.pdev);
	msi_case_end(&c);
}

static void pci_alloc_irq_vectors_refuses(struct kunit *test)
{
	struct msi_case c;

	msi_case_start(test, &c);
	KUNIT_EXPECT_EQ(test, pci_alloc_irq_vectors(c.pdev, 0, 1, PCI_IRQ_ALL_TYPES), -EINVAL);
	KUNIT_EXPECT_EQ(test, pci_alloc_irq_vectors(c.pdev, 2, 1, PCI_IRQ_ALL_TYPES), -EINVAL);
	/* No MSI-X on edu, and MSI and INTx give one vector. */
	KUNIT_EXPECT_EQ(test, pci_alloc_irq_vectors(c.pdev, 2, 4, PCI_IRQ_ALL_TYPES), -ENOSPC);
	KUNIT_EXPECT_EQ(test, pci_alloc_irq_vectors(c.pdev, 1, 1, PCI_IRQ_MSIX), -ENOSPC);
	KUNIT_EXPECT_EQ(test, pci_irq_vector(c.pdev, 1), -EINVAL);
	if (pci_msi_enabled()) {
		KUNIT_ASSERT_EQ(test, pci_alloc_irq_vectors(c.pdev, 1, 1, PCI_IRQ_MSI), 1);
		KUNIT_EXPECT_EQ(test, pci_alloc_irq_vectors(c.pdev, 1, 1, PCI_IRQ_MSI), -EBUSY);
		pci_free_irq_vectors(c.pdev);
	}
	msi_case_end(&c);
}

/* The first function with an MSI-X capability and no driver, or NULL. */
static struct pci_dev *msix_device(void)
{
	struct pci_dev *dev = NULL;

	for_each_pci_dev(dev)
		if (dev->msix_cap && !dev->driver)
			return pci_dev_get(dev);
	return NULL;
}

/*
 * MSI-X (numa2 has a virtio device with a table of 2 entries; edu has
 * none): each vector its own irq, each table entry holding that irq's
 * message and unmasked, the function enabled and not masked as a whole;
 * after pci_free_irq_vectors() every entry masked and MSI-X off.
 * Nothing makes the device send one, so delivery is not checked here.
 */
static void pci_msix_table_programmed(struct kunit *test)
{
	struct pci_dev *dev = msix_device();
	struct msi_msg msg;
	int n, i, irq0;
	u16 control;

	if (!dev)
		kunit_skip(test, "no driverless function with MSI-X");
	if (!pci_msi_enabled()) {
		pci_dev_put(dev);
		kunit_skip(test, "pci=nomsi");
	}
	KUNIT_ASSERT_EQ(test, pci_enable_device(dev), 0);
	n = pci_alloc_irq_vectors(dev, 1, 4, PCI_IRQ_MSIX);
	KUNIT_ASSERT_GT(test, n, 0);
	KUNIT_EXPECT_TRUE(test, dev->msix_enabled);
	control = config_word(dev, dev->msix_cap + PCI_MSIX_FLAGS);
	KUNIT_EXPECT_EQ(test, control & (PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL),
			PCI_MSIX_FLAGS_ENABLE);
	KUNIT_EXPECT_LE(test, n, (control & PCI_MSIX_FLAGS_QSIZE) + 1);
	irq0 = pci_irq_vector(dev, 0);
	for (i = 0; i < n; i++) {
		void __iomem *entry = dev->msix_table + i * PCI_MSIX_ENTRY_SIZE;
		int irq = pci_irq_vector(dev, i);

		KUNIT_EXPECT_TRUE(test, i == 0 || irq != irq0);
		KUNIT_ASSERT_EQ(test, irq_compose_msi_msg(irq, &msg), 0);
		KUNIT_EXPECT_EQ(test, ioread32(entry + PCI_MSIX_ENTRY_LOWER_ADDR),
				msg.address_lo);
		KUNIT_EXPECT_EQ(test, ioread32(entry + PCI_MSIX_ENTRY_DATA), msg.data);
		KUNIT_EXPECT_EQ(test, ioread32(entry + PCI_MSIX_ENTRY_VECTOR_CTRL) &
				      PCI_MSIX_ENTRY_CTRL_MASKBIT, 0u);
	}
	KUNIT_EXPECT_EQ(test, pci_irq_vector(dev, n), -EINVAL);
	KUNIT_EXPECT_EQ(test, pci_alloc_irq_vectors(dev, 1, 1, PCI_IRQ_MSI), -EBUSY);
	pci_free_irq_vectors(dev);
	KUNIT_EXPECT_FALSE(test, dev->msix_enabled);
	KUNIT_EXPECT_EQ(test, config_word(dev, dev->msix_cap + PCI_MSIX_FLAGS) &
			      PCI_MSIX_FLAGS_ENABLE, 0);
	pci_disable_device(dev);
	pci_dev_put(dev);
}

static struct kunit_case pci_msi_cases[] = {
	KUNIT_CASE(pci_msi_or_intx_delivers),
	KUNIT_CASE(pci_intx_and_msi_alone),
	KUNIT_CASE(pci_msi_message_programmed),
	KUNIT_CASE(pci_alloc_irq_vectors_refuses),
	KUNIT_CASE(pci_msix_table_programmed),
	{}
};

static struct kunit_suite pci_msi_suite = {
	.name = "pci_msi",
	.test_cases = pci_msi_cases,
};
kunit_test_suite(pci_msi_suite);
